package io.tonewall.session.domain;

/** What a PSP's notification about a refund changed ({@link PaymentTransaction#refundNotified}). */
public enum RefundChange {
  /** A {@code SCHEDULED} refund is now {@code APPROVED}. */
  APPROVED,
  /** A {@code SCHEDULED} refund is now {@code FAILED}; its amount can be refunded anew. */
  FAILED,
  /**
   * An {@code APPROVED} refund (the PSP had only accepted it) is now {@code FAILED}: it failed
   * later, or the money came back; its amount can be refunded anew.
   */
  REVERSED,
  /** Nothing changed: the refund had this outcome already, or another final one. */
  UNCHANGED
}
