package io.tonewall.psp.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Refund a captured payment, fully (empty amount) or partly.
 *
 * @param configuration the PSP configuration id of the original payment
 * @param idempotencyKey this request's key
 * @param providerReference the provider reference of the original payment
 * @param amount the amount to refund; empty for all that remains
 */
public record RefundRequest(
    String configuration,
    IdempotencyKey idempotencyKey,
    String providerReference,
    Optional<Money> amount) {

  public RefundRequest {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    if (providerReference == null || providerReference.isBlank()) {
      throw new IllegalArgumentException("provider reference is required");
    }
  }

  /** All that remains. */
  public static RefundRequest full(String configuration, IdempotencyKey key, String reference) {
    return new RefundRequest(configuration, key, reference, Optional.empty());
  }

  /** Part of it. */
  public static RefundRequest partial(
      String configuration, IdempotencyKey key, String reference, Money amount) {
    return new RefundRequest(configuration, key, reference, Optional.of(amount));
  }
}
