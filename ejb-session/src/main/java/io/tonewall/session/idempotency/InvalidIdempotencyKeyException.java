package io.tonewall.session.idempotency;

import jakarta.ejb.ApplicationException;

/** An {@code Idempotency-Key} that is empty, longer than 255 or not printable ASCII. */
@ApplicationException(rollback = true)
public final class InvalidIdempotencyKeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidIdempotencyKeyException() {
    super("Idempotency-Key must be 1-255 printable ASCII characters without spaces");
  }
}
