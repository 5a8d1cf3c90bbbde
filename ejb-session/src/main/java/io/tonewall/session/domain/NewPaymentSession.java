package io.tonewall.session.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What an integrator or agent asks for when opening a payment session.
 *
 * @param mode how the caller takes part
 * @param transactionType what is done with the card
 * @param amount amount and currency (zero for {@code TOKENISE})
 * @param merchantReference the integrator's own reference, if any
 * @param apiClientId the API client opening the session, which will own it; empty when opened
 *     outside the API
 */
public record NewPaymentSession(
    SessionMode mode,
    TransactionType transactionType,
    Money amount,
    Optional<String> merchantReference,
    Optional<String> apiClientId) {

  /** A session opened outside the integrator API, owned by no API client. */
  public NewPaymentSession(
      SessionMode mode,
      TransactionType transactionType,
      Money amount,
      Optional<String> merchantReference) {
    this(mode, transactionType, amount, merchantReference, Optional.empty());
  }

  public NewPaymentSession {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(transactionType, "transactionType");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(merchantReference, "merchantReference");
    Objects.requireNonNull(apiClientId, "apiClientId");
  }
}
