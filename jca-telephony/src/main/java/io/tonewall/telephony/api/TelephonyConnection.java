package io.tonewall.telephony.api;

import jakarta.resource.ResourceException;

/** A handle on the telephony adapter. Closing it returns the physical connection to the pool. */
public interface TelephonyConnection extends AutoCloseable {

  /** What the adapter is doing right now: whether SIP listens, and on which port. */
  TelephonyStatus status() throws ResourceException;

  @Override
  void close() throws ResourceException;
}
