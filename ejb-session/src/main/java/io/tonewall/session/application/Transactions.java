package io.tonewall.session.application;

import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NothingToReconcileException;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.RefundChange;
import io.tonewall.session.domain.RefundSettlementSchedule;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionNotFoundException;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.session.infrastructure.jca.PspGateway;
import io.tonewall.session.infrastructure.jpa.JpaCallTransferRepository;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import io.tonewall.session.infrastructure.jpa.JpaPaymentTransactionRepository;
import io.tonewall.session.notification.NotificationAction;
import io.tonewall.session.notification.NotificationEffect;
import io.tonewall.session.notification.PspNotification;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Payment transactions after the fact: refunds, reconciliation of unknown outcomes, and the history
 * of a call (which follows the call when it is transferred).
 */
@Stateless
public class Transactions {

  private static final String CAPTURE_SUFFIX = ".capture";

  @EJB private JpaPaymentTransactionRepository transactions;

  @EJB private JpaPaymentSessionRepository sessions;

  @EJB private JpaCallTransferRepository transfers;

  @EJB private PspGateway psp;

  @EJB private SessionJournal journal;

  @Inject private Clock clock;

  /**
   * One transaction.
   *
   * @throws TransactionNotFoundException when none has this id
   */
  public TransactionView find(UUID id) {
    return TransactionView.of(load(id));
  }

  /**
   * Refunds an approved sale, fully (empty amount) or partly, in one transaction: the refund is
   * sent by the PSP adapter after commit ({@code SCHEDULED}); the refund's own row, the original's
   * refunded amount and the audit entry commit with it.
   *
   * @return the refund's transaction
   */
  public TransactionView refund(UUID transactionId, Optional<Money> amount) {
    PaymentTransaction original = load(transactionId);
    PaymentSession session = session(original.sessionId());
    Money refund = original.refundable(amount);
    String key = original.id() + ".r" + (transactions.refundsOf(transactionId) + 1);
    PaymentOutcome outcome =
        psp.refund(original.pspConfiguration(), key, original.pspReference().orElseThrow(), refund);
    Instant now = clock.instant();
    PaymentTransaction refunded = original.refund(refund, key, outcome, now);
    transactions.add(refunded);
    SessionStatus status = session.status();
    journal.record(
        session,
        status,
        "refund." + refunded.outcome().name().toLowerCase(Locale.ROOT),
        SessionJournal.describe(refunded) + " of=" + original.id());
    return TransactionView.of(refunded);
  }

  /**
   * Asks the PSP what became of a transaction whose outcome is unknown, or of a refund that is
   * {@code SCHEDULED} (sent after commit); records the answer unless it is still unknown or the
   * refund not settled yet (the view is then unchanged). A session waiting on an unknown payment
   * ("do not resubmit") takes the outcome; a settled refund is audited as {@code refund.<outcome>}
   * and a declined or failed one gives its amount back to the original sale.
   *
   * @throws io.tonewall.session.domain.NothingToReconcileException when its outcome is known
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public TransactionView reconcile(UUID transactionId) {
    PaymentTransaction transaction = load(transactionId);
    if (transaction.outcome() == Outcome.SCHEDULED
        && transaction.type() == TransactionType.REFUND) {
      return settleRefund(transaction);
    }
    if (transaction.outcome() != Outcome.UNKNOWN) {
      throw new NothingToReconcileException(transaction.id(), transaction.outcome());
    }
    PaymentOutcome answer =
        psp.reconcile(transaction.pspConfiguration(), transaction.idempotencyKey());
    if (answer.outcome() == Outcome.UNKNOWN) {
      return TransactionView.of(transaction);
    }
    Instant now = clock.instant();
    transaction.resolve(answer, now);
    PaymentSession session = session(transaction.sessionId());
    SessionStatus before = session.status();
    session.reconciled(transaction, now);
    journal.record(session, before, "payment.reconciled", SessionJournal.describe(transaction));
    return TransactionView.of(transaction);
  }

  private TransactionView settleRefund(PaymentTransaction refund) {
    PaymentTransaction original = load(refund.refundOf().orElseThrow());
    Optional<PaymentOutcome> answer =
        psp.refundOutcome(
            refund.pspConfiguration(),
            refund.idempotencyKey(),
            original.pspReference().orElseThrow());
    if (answer.isEmpty()) {
      return TransactionView.of(refund);
    }
    refund.settleRefund(answer.get(), original, clock.instant());
    PaymentSession session = session(refund.sessionId());
    journal.record(
        session,
        session.status(),
        "refund." + refund.outcome().name().toLowerCase(Locale.ROOT),
        SessionJournal.describe(refund) + " of=" + original.id());
    return TransactionView.of(refund);
  }

  /**
   * Ids of refunds still {@code SCHEDULED} that the sweep should check at {@code now}: not checked
   * yet and made before {@code firstCheckBefore}, or due again after their back-off; refunds handed
   * over to manual reconciliation are not among them. Oldest first.
   */
  public List<UUID> refundsDueForSettlement(Instant now, Instant firstCheckBefore, int max) {
    return transactions.refundsDueForSettlement(now, firstCheckBefore, max);
  }

  /**
   * The sweep's check of one {@code SCHEDULED} refund, in a transaction of its own: asks the PSP
   * ({@link #reconcile}); if the refund is still not settled, the next check moves out by the
   * schedule's back-off, or — once the refund is older than the schedule's maximum age — automatic
   * checks stop: audited and announced as {@code refund.reconciliation_required} (a webhook), after
   * which only {@link #reconcile} settles it. A refund settled, handed over or gone meanwhile is
   * left alone.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public TransactionView settleOrDefer(UUID refundId, RefundSettlementSchedule schedule) {
    PaymentTransaction refund = load(refundId);
    if (!dueForAutomaticSettlement(refund)) {
      return TransactionView.of(refund);
    }
    settleRefund(refund);
    if (refund.outcome() == Outcome.SCHEDULED) {
      defer(refund, schedule);
    }
    return TransactionView.of(refund);
  }

  /**
   * Counts a check of a {@code SCHEDULED} refund that could not be made (the PSP adapter or
   * provider did not answer), in a transaction of its own, so that back-off and maximum age apply
   * to it too.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deferSettlement(UUID refundId, RefundSettlementSchedule schedule) {
    PaymentTransaction refund = load(refundId);
    if (dueForAutomaticSettlement(refund)) {
      defer(refund, schedule);
    }
  }

  private static boolean dueForAutomaticSettlement(PaymentTransaction refund) {
    return refund.type() == TransactionType.REFUND
        && refund.outcome() == Outcome.SCHEDULED
        && !refund.awaitsManualReconciliation();
  }

  private void defer(PaymentTransaction refund, RefundSettlementSchedule schedule) {
    if (refund.settlementDeferred(schedule, clock.instant())) {
      PaymentSession session = session(refund.sessionId());
      journal.record(
          session,
          session.status(),
          "refund.reconciliation_required",
          SessionJournal.describe(refund)
              + " of="
              + refund.refundOf().map(UUID::toString).orElse("?")
              + " checks="
              + refund.settleChecks()
              + " since="
              + refund.createdAt());
    }
  }

  /**
   * Applies a PSP notification about a refund, in the caller's transaction: the refund is the one
   * whose idempotency key is the notification's merchant reference (Tonewall sends the key as the
   * reference), made with the same configuration, of the payment named by the original reference,
   * for the same amount; anything else is no match and changes nothing. A change is recorded as the
   * refund's settlement is — audit entry {@code refund.approved} or {@code refund.failed} and the
   * webhook of that type — and a failed refund gives its amount back to the sale.
   */
  public NotificationEffect applyRefundNotification(PspNotification notification) {
    Optional<PaymentTransaction> match =
        notification
            .merchantReference()
            .flatMap(transactions::byIdempotencyKey)
            .filter(t -> t.type() == TransactionType.REFUND)
            .filter(t -> t.pspConfiguration().equals(notification.pspConfiguration()));
    if (match.isEmpty()) {
      return NotificationEffect.none("no refund of this configuration has the merchant reference");
    }
    PaymentTransaction refund = match.get();
    PaymentTransaction original = load(refund.refundOf().orElseThrow());
    if (notification.originalReference().isPresent()
        && !notification.originalReference().equals(original.pspReference())) {
      return NotificationEffect.none(
          "refund " + refund.id() + " refunds another payment than the original reference");
    }
    if (!sameAmount(notification, refund.amount())) {
      return NotificationEffect.none("refund " + refund.id() + " is for another amount");
    }
    boolean succeeded = notification.action() == NotificationAction.REFUND_SUCCEEDED;
    Instant now = clock.instant();
    RefundChange change =
        refund.refundNotified(
            succeeded,
            notification.pspReference(),
            NotificationAction.failureReason(notification.eventCode()),
            original,
            now);
    if (change == RefundChange.UNCHANGED) {
      return NotificationEffect.none(
          "refund " + refund.id() + " is " + refund.outcome() + " already");
    }
    PaymentSession session = session(refund.sessionId());
    journal.record(
        session,
        session.status(),
        "refund." + refund.outcome().name().toLowerCase(Locale.ROOT),
        SessionJournal.describe(refund)
            + " of="
            + original.id()
            + " notification="
            + notification.eventCode()
            + (change == RefundChange.REVERSED ? " was=APPROVED" : ""));
    return NotificationEffect.applied(
        "refund " + refund.id() + " " + change.name().toLowerCase(Locale.ROOT));
  }

  /**
   * Applies a PSP notification that the capture of a sale failed, in the caller's transaction: the
   * sale is the one whose idempotency key, with {@code .capture} appended (the adapter's key of the
   * capture), is the merchant reference. Tonewall keeps no capture state: the failure is audited
   * and announced as {@code payment.capture_failed} on the sale's session.
   */
  public NotificationEffect applyCaptureFailure(PspNotification notification) {
    Optional<PaymentTransaction> match =
        notification
            .merchantReference()
            .filter(reference -> reference.endsWith(CAPTURE_SUFFIX))
            .map(reference -> reference.substring(0, reference.length() - CAPTURE_SUFFIX.length()))
            .flatMap(transactions::byIdempotencyKey)
            .filter(t -> t.type() == TransactionType.SALE || t.type() == TransactionType.AUTHORISE)
            .filter(t -> t.pspConfiguration().equals(notification.pspConfiguration()))
            .filter(
                t ->
                    notification.originalReference().isEmpty()
                        || notification.originalReference().equals(t.pspReference()));
    if (match.isEmpty()) {
      return NotificationEffect.none(
          "no sale of this configuration was captured with the reference");
    }
    PaymentTransaction sale = match.get();
    PaymentSession session = session(sale.sessionId());
    journal.record(
        session,
        session.status(),
        "payment.capture_failed",
        SessionJournal.describe(sale) + " notification=" + notification.eventCode());
    return NotificationEffect.applied("capture of " + sale.id() + " failed: audited");
  }

  private static boolean sameAmount(PspNotification notification, Money amount) {
    return notification.amountMinor().isEmpty()
        || (notification.amountMinor().getAsLong() == amount.minorUnits()
            && notification.currency().filter(amount.currency()::equals).isPresent());
  }

  /** Ids of transactions still unknown after {@code age}, oldest first (for the sweep). */
  public List<UUID> unknownSince(Instant before, int max) {
    return transactions.unknownBefore(before, max);
  }

  /**
   * Every transaction taken on this call or on any call it was transferred to or from, oldest
   * first.
   */
  public List<TransactionView> ofCall(String callReference) {
    return transactions.ofCalls(transfers.linkedCalls(callReference)).stream()
        .map(TransactionView::of)
        .toList();
  }

  /**
   * Part of a call's history (as {@link #ofCall}) of one API client's sessions only: at most {@code
   * limit} transactions after the first {@code offset}, oldest first.
   */
  public List<TransactionView> ofCall(
      String callReference, String apiClientId, int offset, int limit) {
    return transactions
        .ofCalls(transfers.linkedCalls(callReference), apiClientId, offset, limit)
        .stream()
        .map(TransactionView::of)
        .toList();
  }

  private PaymentTransaction load(UUID id) {
    return transactions.find(id).orElseThrow(() -> new TransactionNotFoundException(id));
  }

  private PaymentSession session(UUID id) {
    return sessions.find(id).orElseThrow(() -> new SessionNotFoundException(id));
  }
}
