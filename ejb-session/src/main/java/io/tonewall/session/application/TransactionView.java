package io.tonewall.session.application;

import io.tonewall.session.domain.CardFacts;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.TransactionType;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A payment transaction as the API and the console show it: masked card facts only. */
public record TransactionView(
    UUID id,
    UUID sessionId,
    Optional<String> callReference,
    TransactionType type,
    long amountMinorUnits,
    String currency,
    long surchargeMinorUnits,
    boolean additional,
    Outcome outcome,
    Optional<String> declineReason,
    String pspConfiguration,
    Optional<String> pspReference,
    Optional<String> pspToken,
    Optional<CardFacts> card,
    Optional<UUID> refundOf,
    long refundedMinorUnits,
    Instant createdAt,
    Instant updatedAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static TransactionView of(PaymentTransaction transaction) {
    return new TransactionView(
        transaction.id(),
        transaction.sessionId(),
        transaction.callReference(),
        transaction.type(),
        transaction.amount().minorUnits(),
        transaction.amount().currency(),
        transaction.surcharge().minorUnits(),
        transaction.additional(),
        transaction.outcome(),
        transaction.declineReason(),
        transaction.pspConfiguration(),
        transaction.pspReference(),
        transaction.pspToken(),
        transaction.card(),
        transaction.refundOf(),
        transaction.refunded().minorUnits(),
        transaction.createdAt(),
        transaction.updatedAt());
  }

  /** True while the outcome is unknown: do not resubmit. */
  public boolean doNotResubmit() {
    return outcome == Outcome.UNKNOWN;
  }
}
