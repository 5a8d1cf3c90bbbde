package io.tonewall.psp.api;

/** Two amounts that must share a currency do not. Nothing was sent. */
public final class CurrencyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CurrencyMismatchException(String message) {
    super(message);
  }

  public CurrencyMismatchException(String message, Throwable cause) {
    super(message, cause);
  }
}
