package io.tonewall.psp.api;

/** A currency code is not an ISO 4217 code. Nothing was sent. */
public final class UnknownCurrencyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnknownCurrencyException(String message) {
    super(message);
  }

  public UnknownCurrencyException(String message, Throwable cause) {
    super(message, cause);
  }
}
