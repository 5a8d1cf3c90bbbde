package io.tonewall.session.infrastructure.jca;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentOutcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundStatusTest {

  @Test
  void aFullOrPartialRefundTheProviderKnowsIsApproved() {
    for (PaymentState state : new PaymentState[] {PaymentState.REFUNDED, PaymentState.CAPTURED}) {
      Optional<PaymentOutcome> outcome =
          RefundStatus.outcome(PaymentStatus.of(state, "sbx_7", Optional.of(Money.of(500, "GBP"))));

      assertThat(outcome.map(PaymentOutcome::outcome), is(Optional.of(Outcome.APPROVED)));
      assertThat(outcome.flatMap(PaymentOutcome::pspReference), is(Optional.of("sbx_7")));
    }
  }

  @Test
  void aDeclineKeepsItsReason() {
    Optional<PaymentOutcome> outcome =
        RefundStatus.outcome(
            new PaymentStatus(
                PaymentState.DECLINED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(DeclineReason.INSUFFICIENT_FUNDS)));

    assertThat(outcome.map(PaymentOutcome::outcome), is(Optional.of(Outcome.DECLINED)));
    assertThat(
        outcome.flatMap(PaymentOutcome::declineReason), is(Optional.of("INSUFFICIENT_FUNDS")));
  }

  @Test
  void notSentYetOrStillInFlightIsNotSettled() {
    assertThat(RefundStatus.outcome(PaymentStatus.notFound()), is(Optional.empty()));
    assertThat(
        RefundStatus.outcome(
            new PaymentStatus(
                PaymentState.PENDING, Optional.of("sbx_7"), Optional.empty(), Optional.empty())),
        is(Optional.empty()));
  }
}
