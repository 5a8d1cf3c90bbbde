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
    Optional<Instant> nextSettlementCheck,
    Optional<Instant> reconciliationRequiredAt,
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
        transaction.nextSettleCheck().filter(at -> transaction.outcome() == Outcome.SCHEDULED),
        transaction.reconciliationRequiredAt(),
        transaction.createdAt(),
        transaction.updatedAt());
  }

  /** A refund the PSP has not settled yet ({@code SCHEDULED}). */
  public boolean settlementPending() {
    return type == TransactionType.REFUND && outcome == Outcome.SCHEDULED;
  }

  /**
   * A {@code SCHEDULED} refund no longer checked automatically (older than {@code
   * tonewall.refund.settle-max-age}): reconcile it by hand.
   */
  public boolean reconciliationRequired() {
    return settlementPending() && reconciliationRequiredAt.isPresent();
  }

  /** True while the outcome is unknown: do not resubmit. */
  public boolean doNotResubmit() {
    return outcome == Outcome.UNKNOWN;
  }
}
