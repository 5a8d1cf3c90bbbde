package io.tonewall.psp.api;

/** The expiry date is malformed; the message says why without quoting any digit. */
public final class InvalidExpiryException extends InvalidCardException {
  private static final long serialVersionUID = 1L;

  InvalidExpiryException(String message) {
    super(message);
  }
}
