package io.tonewall.telephony.dtmf;

/**
 * Thrown when an RTP payload sent as telephone-event is not a whole number of 4-byte RFC 4733 event
 * blocks (empty or a length not divisible by four). The message carries the length only.
 */
public final class MalformedTelephoneEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, with lengths only
   */
  public MalformedTelephoneEventException(String message) {
    super(message);
  }
}
