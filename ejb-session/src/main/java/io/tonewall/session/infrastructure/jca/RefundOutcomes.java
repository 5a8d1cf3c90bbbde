package io.tonewall.session.infrastructure.jca;

import io.tonewall.psp.api.RefundStatus;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentOutcome;
import java.util.Optional;

/**
 * Reads the PSP adapter's answer to a refund status query as the refund's outcome:
 *
 * <ul>
 *   <li>{@code SUCCEEDED}: approved, with the provider's refund id where it has one (Stripe's
 *       {@code re_...}), else the payment's reference;
 *   <li>{@code FAILED} (Stripe {@code failed} or {@code canceled}; a refund the adapter's provider
 *       refused): failed — the money stays with the merchant and can be refunded anew;
 *   <li>{@code PENDING}, {@code NOT_FOUND} (not sent yet) and {@code UNKNOWN} (the adapter cannot
 *       tell, e.g. Adyen after a restart): not settled; ask again later.
 * </ul>
 */
final class RefundOutcomes {

  private RefundOutcomes() {}

  /** The refund's final outcome, or empty while the PSP cannot tell. */
  static Optional<PaymentOutcome> outcome(RefundStatus status, String paymentReference) {
    return switch (status.state()) {
      case SUCCEEDED ->
          Optional.of(
              PaymentOutcome.approved(
                  status.refundReference().orElse(paymentReference), Optional.empty()));
      case FAILED -> Optional.of(PaymentOutcome.of(Outcome.FAILED, Optional.empty()));
      case PENDING, NOT_FOUND, UNKNOWN -> Optional.empty();
    };
  }
}
