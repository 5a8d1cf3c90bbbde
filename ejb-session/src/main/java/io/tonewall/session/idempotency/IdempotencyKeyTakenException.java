package io.tonewall.session.idempotency;

import jakarta.ejb.ApplicationException;

/**
 * Two requests with the same new {@code Idempotency-Key} arrived together; this one lost the race
 * and must not be answered (409).
 */
@ApplicationException(rollback = true)
public final class IdempotencyKeyTakenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IdempotencyKeyTakenException(Throwable cause) {
    super("a request with this Idempotency-Key is already being answered", cause);
  }
}
