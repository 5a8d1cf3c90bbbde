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
 * @param customer agent fields prefilled by the integrator
 * @param pspConfiguration the PSP configuration id; empty for the default ({@code sandbox})
 * @param callReference the call to link (SIP Call-ID or a header value), if known now
 * @param apiClientId the API client that opens the session, if any (empty for the console)
 */
public record NewPaymentSession(
    SessionMode mode,
    TransactionType transactionType,
    Money amount,
    Optional<String> merchantReference,
    CustomerDetails customer,
    Optional<String> pspConfiguration,
    Optional<String> callReference,
    Optional<String> apiClientId) {

  public NewPaymentSession {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(transactionType, "transactionType");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(merchantReference, "merchantReference");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(pspConfiguration, "pspConfiguration");
    Objects.requireNonNull(callReference, "callReference");
    Objects.requireNonNull(apiClientId, "apiClientId");
  }

  /** A session with no customer details, the default PSP configuration and no call yet. */
  public NewPaymentSession(
      SessionMode mode,
      TransactionType transactionType,
      Money amount,
      Optional<String> merchantReference) {
    this(
        mode,
        transactionType,
        amount,
        merchantReference,
        CustomerDetails.none(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
