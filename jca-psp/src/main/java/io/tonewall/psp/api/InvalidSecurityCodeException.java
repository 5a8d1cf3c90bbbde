package io.tonewall.psp.api;

/** The security code is malformed; the message says why without quoting any digit. */
public final class InvalidSecurityCodeException extends InvalidCardException {
  private static final long serialVersionUID = 1L;

  InvalidSecurityCodeException(String message) {
    super(message);
  }
}
