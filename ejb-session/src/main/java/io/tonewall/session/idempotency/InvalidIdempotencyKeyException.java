package io.tonewall.session.idempotency;

import jakarta.ejb.ApplicationException;

/**
 * An {@code Idempotency-Key} that is empty, longer than 255, not printable ASCII or holds a likely
 * card number. The message says which rule, never the key.
 */
@ApplicationException(rollback = true)
public final class InvalidIdempotencyKeyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidIdempotencyKeyException(String message) {
    super(message);
  }
}
