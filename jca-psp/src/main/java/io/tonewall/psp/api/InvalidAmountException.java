package io.tonewall.psp.api;

/** An amount is zero, negative or out of range. Nothing was sent. */
public final class InvalidAmountException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidAmountException(String message) {
    super(message);
  }

  public InvalidAmountException(String message, Throwable cause) {
    super(message, cause);
  }
}
