package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A read-only snapshot of a payment session for the API and the console. Holds no card data: card
 * fields are masked, transactions show brand, first six and last four at most.
 *
 * @param merchantReference the integrator's reference, or {@code null} when none was given
 * @param pairingCode the code the agent dials on the call, while the session waits for its call
 * @param ivr an IVR session's language, ending and (while it waits for its call) transfer link
 */
public record SessionView(
    UUID id,
    SessionMode mode,
    TransactionType transactionType,
    long amountMinorUnits,
    String currency,
    String merchantReference,
    SessionStatus status,
    Instant createdAt,
    Instant updatedAt,
    SessionState state,
    boolean doNotResubmit,
    long paymentMinorUnits,
    long remainingMinorUnits,
    Optional<Long> surchargeMinorUnits,
    boolean surchargeAccepted,
    int additionalPayments,
    int securityIncidents,
    String pspConfiguration,
    Optional<String> callReference,
    Optional<String> pairingCode,
    Optional<String> apiClientId,
    Optional<String> customerName,
    Optional<String> customerAddress,
    Optional<String> customerPostcode,
    Optional<String> customerEmail,
    List<CardFieldView> cardFields,
    Optional<Instant> expiresAt,
    List<TransactionView> transactions,
    Optional<IvrView> ivr)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static SessionView of(PaymentSession session) {
    return of(session, List.of());
  }

  static SessionView of(PaymentSession session, List<PaymentTransaction> transactions) {
    return new SessionView(
        session.id(),
        session.mode(),
        session.transactionType(),
        session.amount().minorUnits(),
        session.amount().currency(),
        session.merchantReference().orElse(null),
        session.status(),
        session.createdAt(),
        session.updatedAt(),
        session.state(),
        session.doNotResubmit(),
        session.payment().minorUnits(),
        session.remaining().minorUnits(),
        session.surcharge().map(money -> money.minorUnits()),
        session.surchargeAccepted(),
        session.additionalPayments(),
        session.securityIncidents(),
        session.pspConfiguration(),
        session.callReference(),
        session.pairingCode(),
        session.apiClientId(),
        session.customer().name(),
        session.customer().address(),
        session.customer().postcode(),
        session.customer().email(),
        Arrays.stream(CardField.values()).map(f -> CardFieldView.of(session, f)).toList(),
        session.expiresAt(),
        transactions.stream().map(TransactionView::of).toList(),
        IvrView.of(session));
  }
}
