package io.tonewall.psp.api;

/** What became of a request to a provider. */
public enum Outcome {
  /** Done: authorised, captured, voided, refunded or tokenised. */
  APPROVED,
  /** The issuer or the provider refused; see {@link DeclineReason}. Not charged. */
  DECLINED,
  /** Certainly not done: rejected as invalid, or never sent. Safe to correct and send anew. */
  FAILED,
  /**
   * No answer (time-out, 5xx, connection lost after sending). It may or may not have happened: do
   * not resubmit; resolve it with a status query or {@code reconcile}.
   */
  UNKNOWN,
  /**
   * Accepted inside a JTA transaction and recorded durably; sent to the provider after commit,
   * never if the transaction rolls back. Its outcome is found later by status query.
   */
  SCHEDULED
}
