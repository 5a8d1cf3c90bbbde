package io.tonewall.psp.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a refund status query ({@link PspConnection#refundStatus}).
 *
 * @param state where the refund stands
 * @param refundReference the provider's id of the refund ({@code re_...} at Stripe), when known
 * @param amount the refunded amount, when the provider says
 * @param detail why, in the provider's words where it gives them (masked like every provider text)
 */
public record RefundStatus(
    RefundState state,
    Optional<String> refundReference,
    Optional<Money> amount,
    Optional<String> detail) {

  public RefundStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(refundReference, "refundReference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(detail, "detail");
  }

  /** The provider has no refund with this key. */
  public static RefundStatus notFound() {
    return new RefundStatus(
        RefundState.NOT_FOUND, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The adapter cannot tell, and says why. */
  public static RefundStatus unknown(String why) {
    return new RefundStatus(
        RefundState.UNKNOWN, Optional.empty(), Optional.empty(), Optional.of(why));
  }
}
