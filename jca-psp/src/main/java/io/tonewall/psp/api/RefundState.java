package io.tonewall.psp.api;

/** Where a refund stands, as a refund status query finds it. */
public enum RefundState {
  /** The provider returned the money to the card: final. */
  SUCCEEDED,
  /** The provider has it and has not finished (Stripe {@code pending}, {@code requires_action}). */
  PENDING,
  /**
   * The provider will not return the money (Stripe {@code failed} or {@code canceled}): final; the
   * amount can be refunded anew.
   */
  FAILED,
  /** The provider has no refund with this key: it has not been sent (yet). */
  NOT_FOUND,
  /**
   * The adapter cannot tell: the provider offers no query and this adapter instance has no record
   * of the answer (Adyen after a restart). Not final; ask again or reconcile by hand.
   */
  UNKNOWN;

  /** Whether the refund will not change any more. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
