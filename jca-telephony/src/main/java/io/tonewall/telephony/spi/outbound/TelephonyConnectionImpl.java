package io.tonewall.telephony.spi.outbound;

import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.resource.ResourceException;

/** The handle applications hold; it delegates to its managed connection until closed. */
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

  private TelephonyManagedConnection open() throws ResourceException {
    TelephonyManagedConnection current = managed;
    if (current == null) {
      throw new jakarta.resource.spi.IllegalStateException("the telephony connection is closed");
    }
    return current;
  }
}
