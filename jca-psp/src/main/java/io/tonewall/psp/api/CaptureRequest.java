package io.tonewall.psp.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Capture an authorisation, fully (empty amount) or partly.
 *
 * @param configuration the PSP configuration id of the original payment
 * @param idempotencyKey this request's key
 * @param providerReference the provider reference of the original payment
 * @param amount the amount to capture; empty for all that remains
 */
public record CaptureRequest(
    String configuration,
    IdempotencyKey idempotencyKey,
    String providerReference,
    Optional<Money> amount) {

  public CaptureRequest {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    if (providerReference == null || providerReference.isBlank()) {
      throw new IllegalArgumentException("provider reference is required");
    }
  }

  /** All that remains. */
  public static CaptureRequest full(String configuration, IdempotencyKey key, String reference) {
    return new CaptureRequest(configuration, key, reference, Optional.empty());
  }

  /** Part of it. */
  public static CaptureRequest partial(
      String configuration, IdempotencyKey key, String reference, Money amount) {
    return new CaptureRequest(configuration, key, reference, Optional.of(amount));
  }
}
