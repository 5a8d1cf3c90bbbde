package io.tonewall.psp.api;

import java.util.Objects;

/**
 * Pay with a token from an earlier {@link PspConnection#tokenise(TokenisationRequest)}.
 *
 * @param configuration the PSP configuration id that issued the token
 * @param idempotencyKey the request's key
 * @param amount the amount
 * @param token the token
 * @param kind sale or pre-authorisation
 */
public record TokenPaymentRequest(
    String configuration,
    IdempotencyKey idempotencyKey,
    Money amount,
    String token,
    AuthorisationKind kind) {

  public TokenPaymentRequest {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(kind, "kind");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token is required");
    }
  }
}
