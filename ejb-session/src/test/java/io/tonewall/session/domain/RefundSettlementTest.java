package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of {@link PaymentTransaction#settleRefund}. */
class RefundSettlementTest {

  private static final Instant SOLD = Instant.parse("2026-11-22T10:00:00Z");
  private static final Instant REFUNDED = SOLD.plusSeconds(60);
  private static final Instant SETTLED = SOLD.plusSeconds(75);

  private final PaymentTransaction sale = sale(Money.of(1000, "GBP"));

  @Test
  void approvedRefundKeepsTheOriginalsRefundedAmount() {
    PaymentTransaction refund = scheduledRefund(400);

    refund.settleRefund(PaymentOutcome.approved("sbx_1", Optional.empty()), sale, SETTLED);

    assertThat(refund.outcome(), is(Outcome.APPROVED));
    assertThat(refund.updatedAt(), is(SETTLED));
    assertThat(refund.pspReference(), is(Optional.of("sbx_1")));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
    assertThat(sale.refundable(Optional.empty()), is(Money.of(600, "GBP")));
  }

  @Test
  void declinedRefundGivesItsAmountBackSoItCanBeRefundedAnew() {
    PaymentTransaction refund = scheduledRefund(400);

    refund.settleRefund(PaymentOutcome.declined("DO_NOT_HONOUR", Optional.empty()), sale, SETTLED);

    assertThat(refund.outcome(), is(Outcome.DECLINED));
    assertThat(refund.declineReason(), is(Optional.of("DO_NOT_HONOUR")));
    assertThat(sale.refunded(), is(Money.zero("GBP")));
    assertThat(sale.updatedAt(), is(SETTLED));
    assertThat(sale.refundable(Optional.empty()), is(Money.of(1000, "GBP")));
  }

  @Test
  void failedRefundOfTheRemainderReopensTheSale() {
    PaymentTransaction first = scheduledRefund(400);
    first.settleRefund(PaymentOutcome.approved("sbx_1", Optional.empty()), sale, SETTLED);
    PaymentTransaction rest = scheduledRefund(600);
    assertThrows(RefundNotAllowedException.class, () -> sale.refundable(Optional.empty()));

    rest.settleRefund(PaymentOutcome.of(Outcome.FAILED, Optional.empty()), sale, SETTLED);

    assertThat(rest.outcome(), is(Outcome.FAILED));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
    assertThat(sale.refundable(Optional.empty()), is(Money.of(600, "GBP")));
  }

  @Test
  void onlyAScheduledRefundMayBeSettled() {
    PaymentTransaction refund = scheduledRefund(400);
    refund.settleRefund(PaymentOutcome.approved("sbx_1", Optional.empty()), sale, SETTLED);

    RefundNotSettledException again =
        assertThrows(
            RefundNotSettledException.class,
            () ->
                refund.settleRefund(
                    PaymentOutcome.of(Outcome.FAILED, Optional.empty()), sale, SETTLED));

    assertThat(again.getMessage(), containsString("APPROVED already"));
    assertThat(refund.outcome(), is(Outcome.APPROVED));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
  }

  @Test
  void anAnswerThatIsNotFinalIsRefused() {
    PaymentTransaction refund = scheduledRefund(400);

    for (Outcome answer : new Outcome[] {Outcome.UNKNOWN, Outcome.SCHEDULED}) {
      RefundNotSettledException error =
          assertThrows(
              RefundNotSettledException.class,
              () ->
                  refund.settleRefund(PaymentOutcome.of(answer, Optional.empty()), sale, SETTLED));
      assertThat(error.getMessage(), containsString("not final"));
    }
    assertThat(refund.outcome(), is(Outcome.SCHEDULED));
    assertThat(sale.refunded(), is(Money.of(400, "GBP")));
  }

  @Test
  void aSaleOrTheRefundOfAnotherSaleCannotBeSettled() {
    PaymentTransaction refund = scheduledRefund(400);
    PaymentTransaction other = sale(Money.of(1000, "GBP"));
    PaymentOutcome approved = PaymentOutcome.approved("sbx_1", Optional.empty());

    assertThrows(
        RefundNotSettledException.class, () -> refund.settleRefund(approved, other, SETTLED));
    assertThrows(RefundNotSettledException.class, () -> sale.settleRefund(approved, sale, SETTLED));
    assertThat(refund.outcome(), is(Outcome.SCHEDULED));
    assertThat(other.refunded(), is(Money.zero("GBP")));
  }

  @Test
  void anUnsettledCheckMovesTheNextOneOut_andAfterTheMaximumAgeHandsTheRefundOver() {
    RefundSettlementSchedule schedule =
        new RefundSettlementSchedule(
            java.time.Duration.ofSeconds(10),
            java.time.Duration.ofSeconds(30),
            java.time.Duration.ofHours(1));
    PaymentTransaction refund = scheduledRefund(400);

    boolean first = refund.settlementDeferred(schedule, REFUNDED.plusSeconds(5));
    boolean second = refund.settlementDeferred(schedule, REFUNDED.plusSeconds(15));
    boolean third = refund.settlementDeferred(schedule, REFUNDED.plusSeconds(35));

    assertThat(first || second || third, is(false));
    assertThat(refund.settleChecks(), is(3));
    assertThat(refund.nextSettleCheck(), is(Optional.of(REFUNDED.plusSeconds(65))));
    assertThat(refund.awaitsManualReconciliation(), is(false));

    Instant tooOld = REFUNDED.plusSeconds(3600);
    boolean handedOver = refund.settlementDeferred(schedule, tooOld);

    assertThat(handedOver, is(true));
    assertThat(refund.awaitsManualReconciliation(), is(true));
    assertThat(refund.reconciliationRequiredAt(), is(Optional.of(tooOld)));
    assertThat(refund.nextSettleCheck(), is(Optional.empty()));
    assertThat(refund.outcome(), is(Outcome.SCHEDULED));
    assertThrows(
        RefundNotSettledException.class,
        () -> refund.settlementDeferred(schedule, tooOld.plusSeconds(1)));
  }

  @Test
  void aRefundAwaitingManualReconciliationCanStillBeSettled() {
    RefundSettlementSchedule schedule =
        new RefundSettlementSchedule(
            java.time.Duration.ofSeconds(10),
            java.time.Duration.ofSeconds(30),
            java.time.Duration.ofSeconds(1));
    PaymentTransaction refund = scheduledRefund(400);
    refund.settlementDeferred(schedule, REFUNDED.plusSeconds(5));

    refund.settleRefund(PaymentOutcome.approved("re_1", Optional.empty()), sale, SETTLED);

    assertThat(refund.outcome(), is(Outcome.APPROVED));
    assertThat(refund.awaitsManualReconciliation(), is(false));
    assertThrows(RefundNotSettledException.class, () -> sale.settlementDeferred(schedule, SETTLED));
  }

  private PaymentTransaction scheduledRefund(long minorUnits) {
    PaymentTransaction refund =
        sale.refund(
            Money.of(minorUnits, "GBP"),
            sale.id() + ".r" + minorUnits,
            new PaymentOutcome(
                Outcome.SCHEDULED,
                Optional.empty(),
                Optional.of("sbx_1"),
                Optional.empty(),
                Optional.empty()),
            REFUNDED);
    assertThat(refund.outcome(), is(Outcome.SCHEDULED));
    return refund;
  }

  private static PaymentTransaction sale(Money amount) {
    PaymentAttempt attempt =
        new PaymentAttempt(
            UUID.randomUUID(),
            1,
            TransactionType.SALE,
            amount,
            Money.zero(amount.currency()),
            "sandbox",
            false,
            Optional.empty());
    return PaymentTransaction.of(
        attempt, PaymentOutcome.approved("sbx_1", Optional.empty()), Optional.empty(), SOLD);
  }
}
