package io.tonewall.session.infrastructure.jca;

import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.session.domain.PaymentOutcome;
import java.util.Optional;

/**
 * Reads the answer to a status query by a refund's idempotency key. The adapter sends a refund
 * after commit; the provider (or, for providers without status queries, the adapter's own books)
 * knows the key once the refund was answered:
 *
 * <ul>
 *   <li>{@code REFUNDED}, or {@code CAPTURED} with a reference (the payment's state after a partial
 *       refund: the key is only known once the refund went through): approved;
 *   <li>{@code DECLINED}: declined, with its reason;
 *   <li>{@code NOT_FOUND} (not sent yet, or still being retried by the adapter) and {@code
 *       PENDING}: not settled; ask again later. Any other state is not an answer about a refund
 *       either.
 * </ul>
 */
final class RefundStatus {

  private RefundStatus() {}

  /** The refund's final outcome, or empty while the PSP cannot tell. */
  static Optional<PaymentOutcome> outcome(PaymentStatus status) {
    return switch (status.state()) {
      case REFUNDED, CAPTURED ->
          status
              .providerReference()
              .map(reference -> PaymentOutcome.approved(reference, Optional.empty()));
      case DECLINED ->
          Optional.of(
              PaymentOutcome.declined(
                  status.declineReason().map(Enum::name).orElse("DO_NOT_HONOUR"),
                  Optional.empty()));
      default -> Optional.empty();
    };
  }
}
