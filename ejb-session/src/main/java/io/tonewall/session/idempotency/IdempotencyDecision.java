package io.tonewall.session.idempotency;

import java.io.Serializable;

/** What to do with a request that carries an {@code Idempotency-Key}. */
public sealed interface IdempotencyDecision extends Serializable {

  /**
   * First use of the key: answer the request, then {@code complete} or {@code release} it.
   *
   * @param requestId the id of the record claimed for the key
   */
  record Proceed(String requestId) implements IdempotencyDecision {}

  /** The key was answered for this same request: send the stored response again. */
  record Replay(StoredResponse response) implements IdempotencyDecision {}

  /** The key was used for a different request (method, path or body): 422. */
  record Mismatch() implements IdempotencyDecision {}

  /** The first request with this key is still being answered: 409. */
  record InProgress() implements IdempotencyDecision {}
}
