package io.tonewall.psp.api;

/** The card number is malformed; the message says why without quoting any digit. */
public final class InvalidCardNumberException extends InvalidCardException {
  private static final long serialVersionUID = 1L;

  InvalidCardNumberException(String message) {
    super(message);
  }
}
