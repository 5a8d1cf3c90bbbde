package io.tonewall.psp.api;

/** An idempotency key is empty, too long or has characters providers refuse. Nothing was sent. */
public final class InvalidIdempotencyKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidIdempotencyKeyException(String message) {
    super(message);
  }

  public InvalidIdempotencyKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
