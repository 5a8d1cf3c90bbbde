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
 * @param ivr language and ending of an IVR session (defaults when empty; ignored by other modes)
 * @param surchargeAccepted true when the caller has already accepted the surcharge the PSP
 *     configuration adds (required for IVR sessions, whose caller cannot be asked during the call)
 */
public record NewPaymentSession(
    SessionMode mode,
    TransactionType transactionType,
    Money amount,
    Optional<String> merchantReference,
    CustomerDetails customer,
    Optional<String> pspConfiguration,
    Optional<String> callReference,
    Optional<String> apiClientId,
    Optional<IvrOptions> ivr,
    boolean surchargeAccepted) {

  public NewPaymentSession {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(transactionType, "transactionType");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(merchantReference, "merchantReference");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(pspConfiguration, "pspConfiguration");
    Objects.requireNonNull(callReference, "callReference");
    Objects.requireNonNull(apiClientId, "apiClientId");
    Objects.requireNonNull(ivr, "ivr");
  }

  /** A session without IVR options and without a surcharge accepted in advance. */
  public NewPaymentSession(
      SessionMode mode,
      TransactionType transactionType,
      Money amount,
      Optional<String> merchantReference,
      CustomerDetails customer,
      Optional<String> pspConfiguration,
      Optional<String> callReference,
      Optional<String> apiClientId) {
    this(
        mode,
        transactionType,
        amount,
        merchantReference,
        customer,
        pspConfiguration,
        callReference,
        apiClientId,
        Optional.empty(),
        false);
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
