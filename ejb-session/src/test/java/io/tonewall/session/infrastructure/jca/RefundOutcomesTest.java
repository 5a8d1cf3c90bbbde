package io.tonewall.session.infrastructure.jca;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.RefundState;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentOutcome;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundOutcomesTest {

  private static RefundStatus status(RefundState state, Optional<String> refundReference) {
    return new RefundStatus(
        state, refundReference, Optional.of(Money.of(500, "GBP")), Optional.of("why"));
  }

  @Test
  void aSucceededRefundIsApproved_withTheProvidersRefundId() {
    Optional<PaymentOutcome> outcome =
        RefundOutcomes.outcome(status(RefundState.SUCCEEDED, Optional.of("re_9")), "pi_1");

    assertThat(outcome.map(PaymentOutcome::outcome), is(Optional.of(Outcome.APPROVED)));
    assertThat(outcome.flatMap(PaymentOutcome::pspReference), is(Optional.of("re_9")));
  }

  @Test
  void aSucceededRefundWithoutItsOwnId_keepsThePaymentsReference() {
    Optional<PaymentOutcome> outcome =
        RefundOutcomes.outcome(status(RefundState.SUCCEEDED, Optional.empty()), "PSP1");

    assertThat(outcome.flatMap(PaymentOutcome::pspReference), is(Optional.of("PSP1")));
  }

  @Test
  void aFailedOrCanceledRefundIsFailed() {
    Optional<PaymentOutcome> outcome =
        RefundOutcomes.outcome(status(RefundState.FAILED, Optional.of("re_9")), "pi_1");

    assertThat(outcome.map(PaymentOutcome::outcome), is(Optional.of(Outcome.FAILED)));
  }

  @Test
  void pendingNotSentOrUnknownIsNotSettled() {
    for (RefundState state :
        new RefundState[] {RefundState.PENDING, RefundState.NOT_FOUND, RefundState.UNKNOWN}) {
      assertThat(
          RefundOutcomes.outcome(status(state, Optional.empty()), "pi_1"), is(Optional.empty()));
    }
  }
}
