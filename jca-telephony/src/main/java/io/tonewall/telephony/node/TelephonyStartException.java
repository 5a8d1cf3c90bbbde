package io.tonewall.telephony.node;

/** The telephony node could not start: a port is taken, or the SIP stack or relay failed. */
public final class TelephonyStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TelephonyStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
