package io.tonewall.telephony.api;

/** The {@link CardReceiver} failed during a card hand-over; the digits are wiped regardless. */
public final class CardHandOverException extends Exception {

  private static final long serialVersionUID = 1L;

  public CardHandOverException(String message, Throwable cause) {
    super(message, cause);
  }
}
