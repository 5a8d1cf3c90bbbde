package io.tonewall.telephony.spi.outbound;

import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.CallRegistry;
import jakarta.resource.ResourceException;
import java.util.Optional;

/** The handle applications hold; it delegates to the adapter's call registry until closed. */
final class TelephonyConnectionImpl implements TelephonyConnection {

  private volatile TelephonyManagedConnection managed;

  TelephonyConnectionImpl(TelephonyManagedConnection managed) {
    this.managed = managed;
  }

  @Override
  public TelephonyStatus status() throws ResourceException {
    return open().factory().adapter().status();
  }

  @Override
  public TelephonyMetrics metrics() throws ResourceException {
    return open().factory().adapter().metrics();
  }

  @Override
  public Optional<String> findCall(String reference) throws ResourceException {
    return calls().find(reference).map(Call::id);
  }

  @Override
  public String allocatePairingCode(String sessionId) throws ResourceException {
    return calls().allocatePairingCode(sessionId);
  }

  /** In a JTA transaction that rolls back, secure mode is switched off again. */
  @Override
  public void secureCall(String callId, String sessionId) throws ResourceException {
    Call call = calls().require(callId);
    boolean wasSecure = call.secure();
    call.secureFor(sessionId);
    if (!wasSecure) {
      open().transaction().onRollback(() -> call.rollBackSecure(sessionId));
    }
  }

  @Override
  public void requestField(String callId, String sessionId, CardFieldSpecification specification)
      throws ResourceException {
    calls().require(callId).requestField(sessionId, specification);
  }

  @Override
  public void resetField(String callId, String sessionId, CardField field)
      throws ResourceException {
    calls().require(callId).resetField(sessionId, field);
  }

  @Override
  public CapturedCard takeCard(String callId, String sessionId) throws ResourceException {
    return calls().require(callId).takeCard(sessionId);
  }

  @Override
  public void releaseCall(String callId, String sessionId) throws ResourceException {
    calls().require(callId).releaseFor(sessionId);
  }

  @Override
  public void close() {
    TelephonyManagedConnection current = managed;
    managed = null;
    if (current != null) {
      current.handleClosed(this);
    }
  }

  void reassociate(TelephonyManagedConnection target) {
    this.managed = target;
  }

  void invalidate() {
    this.managed = null;
  }

  private CallRegistry calls() throws ResourceException {
    return open().factory().adapter().calls();
  }

  private TelephonyManagedConnection open() throws ResourceException {
    TelephonyManagedConnection current = managed;
    if (current == null) {
      throw new jakarta.resource.spi.IllegalStateException("the telephony connection is closed");
    }
    return current;
  }
}
