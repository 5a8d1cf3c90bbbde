package io.tonewall.psp.api;

import java.util.Objects;

/**
 * Authorise an amount on a card. The idempotency key doubles as the merchant reference sent to the
 * provider. The card is not closed by the adapter: the caller closes it after the call.
 *
 * @param configuration the PSP configuration id, e.g. {@code sandbox}
 * @param idempotencyKey the request's key
 * @param amount the amount
 * @param card the card
 * @param kind sale or pre-authorisation
 */
public record AuthorisationRequest(
    String configuration,
    IdempotencyKey idempotencyKey,
    Money amount,
    PaymentCard card,
    AuthorisationKind kind) {

  public AuthorisationRequest {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(kind, "kind");
  }
}
