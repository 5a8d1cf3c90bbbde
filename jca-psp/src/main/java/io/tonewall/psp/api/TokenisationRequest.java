package io.tonewall.psp.api;

import java.util.Currency;
import java.util.Objects;

/**
 * Store a card as a reusable token without charging it (Stripe SetupIntent on a Customer, Adyen
 * zero-value authorisation with {@code storePaymentMethod}).
 *
 * @param configuration the PSP configuration id
 * @param idempotencyKey the request's key
 * @param card the card
 * @param currency the currency of later payments (Adyen's zero-value authorisation needs one)
 * @param customerReference the integrator's customer id (Adyen {@code shopperReference})
 */
public record TokenisationRequest(
    String configuration,
    IdempotencyKey idempotencyKey,
    PaymentCard card,
    Currency currency,
    String customerReference) {

  public TokenisationRequest {
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(currency, "currency");
    if (customerReference == null || !customerReference.matches("[A-Za-z0-9_.:-]{3,64}")) {
      throw new IllegalArgumentException(
          "customer reference must have 3 to 64 letters, digits, '-', '_', '.' or ':'");
    }
  }
}
