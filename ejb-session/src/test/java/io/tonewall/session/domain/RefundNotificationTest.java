package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The transitions of {@link PaymentTransaction#refundNotified}: a PSP's final word on a refund
 * settles a scheduled one, reverses one the PSP had only accepted, and changes nothing the second
 * time (a PSP resends notifications).
 */
class RefundNotificationTest {

  private static final Instant SOLD = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant REFUNDED = SOLD.plusSeconds(60);
  private static final Instant NOTIFIED = SOLD.plusSeconds(90);
  private static final Instant AGAIN = SOLD.plusSeconds(120);

  private final PaymentTransaction sale = sale();

  @Test
  void aSuccessSettlesAScheduledRefundWithTheRefundsOwnReference() {
    PaymentTransaction refund = scheduledRefund(400);

    RefundChange change = refund.refundNotified(true, "QFQTPCQ8HXSKGK82", null, sale, NOTIFIED);

    assertThat(change, is(RefundChange.APPROVED));
    assertThat(refund.outcome(), is(Outcome.APPROVED));
    assertThat(refund.pspReference(), is(Optional.of("QFQTPCQ8HXSKGK82")));
    assertThat(refund.updatedAt(), is(NOTIFIED));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
  }

  @Test
  void aFailureFailsAScheduledRefundAndReopensItsAmount() {
    PaymentTransaction refund = scheduledRefund(400);

    RefundChange change =
        refund.refundNotified(false, "QFQTPCQ8HXSKGK82", "REFUND_FAILED", sale, NOTIFIED);

    assertThat(change, is(RefundChange.FAILED));
    assertThat(refund.outcome(), is(Outcome.FAILED));
    assertThat(refund.declineReason(), is(Optional.of("REFUND_FAILED")));
    assertThat(sale.refunded(), is(Money.zero("GBP")));
    assertThat(sale.refundable(Optional.empty()), is(Money.of(1000, "GBP")));
  }

  @Test
  void aFailureAfterTheRefundWasAcceptedReversesIt() {
    PaymentTransaction refund = scheduledRefund(400);
    refund.settleRefund(PaymentOutcome.approved("PAYMENT1", Optional.empty()), sale, REFUNDED);

    RefundChange change =
        refund.refundNotified(false, "QFQTPCQ8HXSKGK82", "REFUNDED_REVERSED", sale, NOTIFIED);

    assertThat(change, is(RefundChange.REVERSED));
    assertThat(refund.outcome(), is(Outcome.FAILED));
    assertThat(refund.declineReason(), is(Optional.of("REFUNDED_REVERSED")));
    assertThat(refund.updatedAt(), is(NOTIFIED));
    assertThat(sale.refunded(), is(Money.zero("GBP")));
    assertThat(sale.updatedAt(), is(NOTIFIED));
  }

  @Test
  void theSameNotificationTwiceHasOneEffect() {
    PaymentTransaction refund = scheduledRefund(400);
    refund.refundNotified(false, "QFQTPCQ8HXSKGK82", "REFUND_FAILED", sale, NOTIFIED);

    RefundChange again =
        refund.refundNotified(false, "QFQTPCQ8HXSKGK82", "REFUND_FAILED", sale, AGAIN);

    assertThat(again, is(RefundChange.UNCHANGED));
    assertThat(refund.updatedAt(), is(NOTIFIED));
    // the amount went back to the sale once, not twice
    assertThat(sale.refunded(), is(Money.zero("GBP")));
  }

  @Test
  void aSuccessAfterSettlementChangesNothing() {
    PaymentTransaction approved = scheduledRefund(400);
    approved.refundNotified(true, "QFQTPCQ8HXSKGK82", null, sale, NOTIFIED);
    PaymentTransaction failed = scheduledRefund(300);
    failed.refundNotified(false, "QFQTPCQ8HXSKGK83", "REFUND_REFUSED", sale, NOTIFIED);

    assertThat(
        approved.refundNotified(true, "QFQTPCQ8HXSKGK82", null, sale, AGAIN),
        is(RefundChange.UNCHANGED));
    assertThat(
        failed.refundNotified(true, "QFQTPCQ8HXSKGK83", null, sale, AGAIN),
        is(RefundChange.UNCHANGED));
    assertThat(failed.outcome(), is(Outcome.FAILED));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
  }

  @Test
  void onlyARefundOfThisSaleIsNotified() {
    PaymentTransaction refund = scheduledRefund(400);
    PaymentTransaction other = sale();

    assertThrows(
        RefundNotSettledException.class,
        () -> refund.refundNotified(true, "QFQTPCQ8HXSKGK82", null, other, NOTIFIED));
    assertThrows(
        RefundNotSettledException.class,
        () -> sale.refundNotified(true, "QFQTPCQ8HXSKGK82", null, sale, NOTIFIED));
    assertThat(refund.outcome(), is(Outcome.SCHEDULED));
  }

  private PaymentTransaction scheduledRefund(long minorUnits) {
    return sale.refund(
        Money.of(minorUnits, "GBP"),
        sale.id() + ".r" + minorUnits,
        new PaymentOutcome(
            Outcome.SCHEDULED,
            Optional.empty(),
            Optional.of("PAYMENT1"),
            Optional.empty(),
            Optional.empty()),
        REFUNDED);
  }

  private static PaymentTransaction sale() {
    PaymentAttempt attempt =
        new PaymentAttempt(
            UUID.randomUUID(),
            1,
            TransactionType.SALE,
            Money.of(1000, "GBP"),
            Money.zero("GBP"),
            "adyen-eu",
            false,
            Optional.empty());
    return PaymentTransaction.of(
        attempt, PaymentOutcome.approved("PAYMENT1", Optional.empty()), Optional.empty(), SOLD);
  }
}
