package io.tonewall.session.domain;

/**
 * Where a payment session stands inside Tonewall, finer than the public {@link SessionStatus}.
 *
 * <pre>
 * CREATED ─ secure ─&gt; SECURED ─ card fields complete ─&gt; READY ─ process ─&gt; PROCESSING ─&gt; outcome
 * outcome: APPROVED | DECLINED | FAILED | UNKNOWN; then new payment, retry, additional payment, end
 * CANCELLED, TIMED_OUT, EXPIRED, ENDED: nothing more happens
 * </pre>
 */
public enum SessionState {
  /** Opened; no secure call (or pay page) linked yet. */
  CREATED,
  /** The call is secure (or the pay page open): card fields can be captured. */
  SECURED,
  /** Every card field is complete and valid: the payment can be processed. */
  READY,
  /** The payment is being sent to the PSP (inside one transaction). */
  PROCESSING,
  /** The last payment was approved. */
  APPROVED,
  /** The last payment was declined by the issuer or the PSP. */
  DECLINED,
  /** The last payment certainly did not happen. */
  FAILED,
  /** The PSP gave no answer to the last payment: do not resubmit until reconciled. */
  UNKNOWN,
  /** Cancelled by the integrator or the agent. */
  CANCELLED,
  /** Nothing happened for longer than the inactivity timeout before a payment. */
  TIMED_OUT,
  /** A pay-by-link session whose link expired unused. */
  EXPIRED,
  /** Ended after one or more outcomes. */
  ENDED;

  /** True once nothing more can happen in the session. */
  public boolean isEnded() {
    return this == CANCELLED || this == TIMED_OUT || this == EXPIRED || this == ENDED;
  }

  /** True when the last payment has an outcome and the session awaits what comes next. */
  public boolean isOutcome() {
    return this == APPROVED || this == DECLINED || this == FAILED || this == UNKNOWN;
  }

  /** True while card fields may be requested, reset and captured. */
  public boolean isCapturing() {
    return this == SECURED || this == READY;
  }
}
