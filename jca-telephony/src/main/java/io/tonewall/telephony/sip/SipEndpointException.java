package io.tonewall.telephony.sip;

/** The SIP endpoint could not start or stop, for example because its port is taken. */
public final class SipEndpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SipEndpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
