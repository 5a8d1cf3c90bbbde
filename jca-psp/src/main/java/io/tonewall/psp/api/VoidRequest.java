package io.tonewall.psp.api;

import java.util.Objects;

/**
 * Void (cancel) an authorisation that is not captured.
 *
 * @param configuration the PSP configuration id of the original payment
 * @param idempotencyKey this request's key
 * @param providerReference the provider reference of the authorisation
 */
public record VoidRequest(
    String configuration, IdempotencyKey idempotencyKey, String providerReference) {

  public VoidRequest {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (providerReference == null || providerReference.isBlank()) {
      throw new IllegalArgumentException("provider reference is required");
    }
  }
}
