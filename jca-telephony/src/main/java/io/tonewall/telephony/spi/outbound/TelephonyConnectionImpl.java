package io.tonewall.telephony.spi.outbound;

import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.api.UnknownCallException;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.ivr.LinkIds;
import jakarta.resource.ResourceException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The handle applications hold; it delegates to the adapter's call registry until closed. */
final class TelephonyConnectionImpl implements TelephonyConnection {

  private static final Logger LOG = Logger.getLogger(TelephonyConnectionImpl.class.getName());

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

  /** In a JTA transaction that rolls back, the id is withdrawn. */
  @Override
  public String allocateLinkId(String sessionId, String language) throws ResourceException {
    LinkIds ids = open().factory().adapter().ivr().linkIds();
    String id;
    try {
      id = ids.allocate(sessionId, language);
    } catch (IllegalStateException e) {
      throw new ResourceException(e.getMessage(), e);
    }
    open().transaction().onRollback(() -> ids.withdraw(sessionId, id));
    return id;
  }

  /**
   * Checked at once; in a JTA transaction the prompt is queued when it commits (an announcement
   * cannot be taken back), and dropped if it rolls back.
   */
  @Override
  public void announce(String callId, String sessionId, IvrAnnouncement announcement)
      throws ResourceException {
    Call call = calls().require(callId);
    call.checkIvr(sessionId);
    open()
        .transaction()
        .afterCommit(() -> afterCommit(callId, () -> call.announce(sessionId, announcement)));
  }

  /**
   * Checked at once; in a JTA transaction the ending happens when it commits, and not at all if it
   * rolls back.
   */
  @Override
  public void endIvrCall(String callId, String sessionId, IvrEnding ending)
      throws ResourceException {
    Call call = calls().require(callId);
    call.checkIvr(sessionId);
    open()
        .transaction()
        .afterCommit(() -> afterCommit(callId, () -> call.endIvr(sessionId, ending)));
  }

  /** What an IVR call does after commit; the call may have ended in between. */
  private static void afterCommit(String callId, IvrAction action) {
    try {
      action.run();
    } catch (UnknownCallException e) {
      LOG.log(Level.FINE, "IVR call " + callId + " ended before the transaction committed", e);
    }
  }

  @FunctionalInterface
  private interface IvrAction {
    void run() throws UnknownCallException;
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
