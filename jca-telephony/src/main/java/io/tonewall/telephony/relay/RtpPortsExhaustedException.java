package io.tonewall.telephony.relay;

/** Every RTP port pair of the configured range is in use or could not be bound. */
public final class RtpPortsExhaustedException extends Exception {

  private static final long serialVersionUID = 1L;

  public RtpPortsExhaustedException(String message) {
    super(message);
  }
}
