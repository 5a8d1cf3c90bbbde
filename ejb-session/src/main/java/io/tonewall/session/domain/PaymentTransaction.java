package io.tonewall.session.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One request to the PSP made for a session — a sale, pre-authorisation, tokenisation or refund —
 * and what became of it. Stored card facts: brand, first six, last four, PSP token and reference;
 * nothing else. Listed on the call it was taken on, and on the calls that call was transferred to.
 */
@Entity
@Table(name = "payment_transaction")
public class PaymentTransaction {

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Column(name = "session_id", nullable = false, updatable = false, length = 36)
  private String sessionId;

  @Column(name = "call_reference", updatable = false, length = 128)
  private String callReference;

  @Column(name = "api_client_id", updatable = false, length = 64)
  private String apiClientId;

  @Enumerated(EnumType.STRING)
  @Column(name = "transaction_type", nullable = false, updatable = false, length = 16)
  private TransactionType type;

  @Embedded private Money amount;

  @Column(name = "surcharge_minor", nullable = false, updatable = false)
  private long surchargeMinorUnits;

  @Column(name = "additional", nullable = false, updatable = false)
  private boolean additional;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16)
  private Outcome outcome;

  @Column(name = "decline_reason", length = 32)
  private String declineReason;

  @Column(name = "psp_configuration", nullable = false, updatable = false, length = 64)
  private String pspConfiguration;

  @Column(name = "psp_reference", length = 128)
  private String pspReference;

  @Column(name = "psp_token", length = 255)
  private String pspToken;

  @Enumerated(EnumType.STRING)
  @Column(name = "brand", length = 16)
  private CardScheme brand;

  @Column(name = "first_six", length = 6)
  private String firstSix;

  @Column(name = "last_four", length = 4)
  private String lastFour;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 48)
  private String idempotencyKey;

  @Column(name = "refund_of", updatable = false, length = 36)
  private String refundOf;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "minorUnits", column = @Column(name = "refunded_minor")),
    @AttributeOverride(name = "currency", column = @Column(name = "refunded_currency"))
  })
  private Money refunded;

  @Column(name = "settle_checks", nullable = false)
  private int settleChecks;

  @Column(name = "next_settle_check")
  private Instant nextSettleCheck;

  @Column(name = "reconciliation_required_at")
  private Instant reconciliationRequiredAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PaymentTransaction() {
    // for JPA
  }

  static PaymentTransaction of(
      PaymentAttempt attempt, PaymentOutcome outcome, Optional<String> apiClientId, Instant now) {
    PaymentTransaction transaction = new PaymentTransaction();
    transaction.id = UUID.randomUUID().toString();
    transaction.sessionId = attempt.sessionId().toString();
    transaction.callReference = attempt.callReference().orElse(null);
    transaction.apiClientId = apiClientId.orElse(null);
    transaction.type = attempt.type();
    transaction.amount = attempt.amount();
    transaction.surchargeMinorUnits = attempt.surcharge().minorUnits();
    transaction.additional = attempt.additional();
    transaction.pspConfiguration = attempt.pspConfiguration();
    transaction.idempotencyKey = attempt.idempotencyKey();
    transaction.refunded = Money.zero(attempt.amount().currency());
    transaction.createdAt = now;
    transaction.apply(outcome, now);
    return transaction;
  }

  private void apply(PaymentOutcome result, Instant now) {
    outcome = result.outcome();
    declineReason = result.declineReason().orElse(null);
    result.pspReference().ifPresent(reference -> pspReference = bounded(reference, 128));
    result.pspToken().ifPresent(token -> pspToken = bounded(token, 255));
    result
        .card()
        .ifPresent(
            card -> {
              brand = card.scheme();
              firstSix = card.firstSix();
              lastFour = card.lastFour();
            });
    updatedAt = now;
  }

  private static String bounded(String value, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException("PSP value longer than " + max + " characters");
    }
    return value;
  }

  /**
   * Checks that {@code asked} (all that remains when empty) can be refunded and returns the amount.
   *
   * @throws RefundNotAllowedException unless this is an approved sale with something left
   * @throws AmountExceedsRemainderException when asked for more than remains
   */
  public Money refundable(Optional<Money> asked) {
    if (type != TransactionType.SALE || outcome != Outcome.APPROVED || pspReference == null) {
      throw new RefundNotAllowedException(id(), "only an approved sale can be refunded");
    }
    Money left = amount.minus(refunded);
    if (left.isZero()) {
      throw new RefundNotAllowedException(id(), "it has been refunded in full");
    }
    Money refund = asked.orElse(left);
    if (refund.isZero()) {
      throw new InvalidMoneyException("a refund must be above 0");
    }
    if (refund.exceeds(left)) {
      throw new AmountExceedsRemainderException(refund, left);
    }
    return refund;
  }

  /**
   * Records a refund of this sale and returns the refund's own transaction. A refund that is not
   * {@code FAILED} or {@code DECLINED} counts against what can still be refunded.
   */
  public PaymentTransaction refund(Money refund, String key, PaymentOutcome result, Instant now) {
    Money checked = refundable(Optional.of(refund));
    PaymentTransaction transaction = new PaymentTransaction();
    transaction.id = UUID.randomUUID().toString();
    transaction.sessionId = sessionId;
    transaction.callReference = callReference;
    transaction.apiClientId = apiClientId;
    transaction.type = TransactionType.REFUND;
    transaction.amount = checked;
    transaction.pspConfiguration = pspConfiguration;
    transaction.idempotencyKey = Objects.requireNonNull(key, "key");
    transaction.refundOf = id;
    transaction.refunded = Money.zero(amount.currency());
    transaction.brand = brand;
    transaction.firstSix = firstSix;
    transaction.lastFour = lastFour;
    transaction.createdAt = now;
    transaction.apply(
        new PaymentOutcome(
            result.outcome(),
            result.declineReason(),
            result.pspReference(),
            Optional.empty(),
            Optional.empty()),
        now);
    if (result.outcome() != Outcome.FAILED && result.outcome() != Outcome.DECLINED) {
      refunded = refunded.plus(checked);
      updatedAt = now;
    }
    return transaction;
  }

  /**
   * Records the PSP's final answer to this {@code SCHEDULED} refund of {@code original}: {@code
   * APPROVED} keeps the original's refunded amount; {@code DECLINED} or {@code FAILED} gives this
   * refund's amount back to the original, so that it can be refunded anew.
   *
   * @throws RefundNotSettledException unless this is a {@code SCHEDULED} refund of {@code original}
   *     and the answer is {@code APPROVED}, {@code DECLINED} or {@code FAILED}
   */
  public void settleRefund(PaymentOutcome result, PaymentTransaction original, Instant now) {
    if (type != TransactionType.REFUND || !original.id.equals(refundOf)) {
      throw new RefundNotSettledException(id(), "not a refund of " + original.id);
    }
    if (outcome != Outcome.SCHEDULED) {
      throw new RefundNotSettledException(id(), "it is " + outcome + " already");
    }
    Outcome answer = result.outcome();
    if (answer != Outcome.APPROVED && answer != Outcome.DECLINED && answer != Outcome.FAILED) {
      throw new RefundNotSettledException(id(), "the PSP's answer " + answer + " is not final");
    }
    apply(
        new PaymentOutcome(
            answer,
            result.declineReason(),
            result.pspReference(),
            Optional.empty(),
            Optional.empty()),
        now);
    if (answer != Outcome.APPROVED) {
      original.refunded = original.refunded.minus(amount);
      original.updatedAt = now;
    }
  }

  /**
   * Records what the PSP's notification says of this refund of {@code original} — final, unlike an
   * answer that the PSP only accepted it:
   *
   * <ul>
   *   <li>succeeded: a {@code SCHEDULED} refund is {@code APPROVED} with the PSP's reference of the
   *       refund; any other outcome stays;
   *   <li>failed ({@code failure}, e.g. {@code REFUND_FAILED}): a {@code SCHEDULED} refund is
   *       {@code FAILED}; an {@code APPROVED} one too (reversed): the PSP had accepted it, then it
   *       failed or the money came back; either way its amount goes back to the original, which can
   *       be refunded anew. A refund {@code FAILED} or {@code DECLINED} already stays.
   * </ul>
   *
   * Sending the same notification again changes nothing more.
   *
   * @throws RefundNotSettledException unless this is a refund of {@code original}
   */
  public RefundChange refundNotified(
      boolean succeeded,
      String refundReference,
      String failure,
      PaymentTransaction original,
      Instant now) {
    if (type != TransactionType.REFUND || !original.id.equals(refundOf)) {
      throw new RefundNotSettledException(id(), "not a refund of " + original.id);
    }
    if (succeeded) {
      if (outcome != Outcome.SCHEDULED) {
        return RefundChange.UNCHANGED;
      }
      settleRefund(PaymentOutcome.approved(refundReference, Optional.empty()), original, now);
      return RefundChange.APPROVED;
    }
    Objects.requireNonNull(failure, "failure");
    if (outcome == Outcome.SCHEDULED) {
      settleRefund(
          new PaymentOutcome(
              Outcome.FAILED,
              Optional.of(failure),
              Optional.of(refundReference),
              Optional.empty(),
              Optional.empty()),
          original,
          now);
      return RefundChange.FAILED;
    }
    if (outcome == Outcome.APPROVED) {
      outcome = Outcome.FAILED;
      declineReason = failure;
      updatedAt = now;
      original.refunded = original.refunded.minus(amount);
      original.updatedAt = now;
      return RefundChange.REVERSED;
    }
    return RefundChange.UNCHANGED;
  }

  /**
   * Records a check of this {@code SCHEDULED} refund that did not settle it: the next automatic
   * check moves out by {@code schedule}'s back-off, or, once the refund is older than {@code
   * schedule}'s maximum age, automatic checks stop and the refund needs manual reconciliation
   * (reconcile still settles it when the PSP answers).
   *
   * @return true when this check handed the refund over to manual reconciliation
   * @throws RefundNotSettledException unless this is a {@code SCHEDULED} refund still checked
   *     automatically
   */
  public boolean settlementDeferred(RefundSettlementSchedule schedule, Instant now) {
    if (type != TransactionType.REFUND || outcome != Outcome.SCHEDULED) {
      throw new RefundNotSettledException(id(), "it is not a scheduled refund");
    }
    if (reconciliationRequiredAt != null) {
      throw new RefundNotSettledException(id(), "it awaits manual reconciliation already");
    }
    settleChecks++;
    updatedAt = now;
    if (schedule.expired(createdAt, now)) {
      reconciliationRequiredAt = now;
      nextSettleCheck = null;
      return true;
    }
    nextSettleCheck = schedule.nextCheck(settleChecks, now);
    return false;
  }

  /** How often this refund was checked without being settled. */
  public int settleChecks() {
    return settleChecks;
  }

  /** When this refund is checked again automatically, once it has been checked. */
  public Optional<Instant> nextSettleCheck() {
    return Optional.ofNullable(nextSettleCheck);
  }

  /**
   * When automatic checks of this refund stopped because it grew too old: it needs manual
   * reconciliation while it is still {@code SCHEDULED}.
   */
  public Optional<Instant> reconciliationRequiredAt() {
    return Optional.ofNullable(reconciliationRequiredAt);
  }

  /** A {@code SCHEDULED} refund no longer checked automatically. */
  public boolean awaitsManualReconciliation() {
    return outcome == Outcome.SCHEDULED && reconciliationRequiredAt != null;
  }

  /**
   * Records the reconciled outcome of an {@code UNKNOWN} transaction.
   *
   * @throws NothingToReconcileException when its outcome is known already
   */
  public void resolve(PaymentOutcome result, Instant now) {
    if (outcome != Outcome.UNKNOWN) {
      throw new NothingToReconcileException(id(), outcome);
    }
    apply(result, now);
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public UUID sessionId() {
    return UUID.fromString(sessionId);
  }

  public Optional<String> callReference() {
    return Optional.ofNullable(callReference);
  }

  public Optional<String> apiClientId() {
    return Optional.ofNullable(apiClientId);
  }

  public TransactionType type() {
    return type;
  }

  /** The amount charged (surcharge included) or refunded. */
  public Money amount() {
    return amount;
  }

  public Money surcharge() {
    return Money.of(surchargeMinorUnits, amount.currency());
  }

  public boolean additional() {
    return additional;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Optional<String> declineReason() {
    return Optional.ofNullable(declineReason);
  }

  public String pspConfiguration() {
    return pspConfiguration;
  }

  public Optional<String> pspReference() {
    return Optional.ofNullable(pspReference);
  }

  public Optional<String> pspToken() {
    return Optional.ofNullable(pspToken);
  }

  /** Brand, first six and last four of the card used, when known. */
  public Optional<CardFacts> card() {
    return brand == null || firstSix == null || lastFour == null
        ? Optional.empty()
        : Optional.of(new CardFacts(brand, firstSix, lastFour));
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public Optional<UUID> refundOf() {
    return Optional.ofNullable(refundOf).map(UUID::fromString);
  }

  public Money refunded() {
    return refunded;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
