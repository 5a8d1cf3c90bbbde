package io.tonewall.session.domain;

/** What became of a request to the PSP, as the payment domain records it. */
public enum Outcome {
  /** Done: authorised, captured, tokenised or refunded. */
  APPROVED,
  /** Refused by the issuer or the PSP; not charged. */
  DECLINED,
  /** Certainly not done; safe to correct and try again. */
  FAILED,
  /** No answer: it may have happened. Do not resubmit; reconcile. */
  UNKNOWN,
  /** Accepted inside the transaction and sent to the PSP after commit (refunds). */
  SCHEDULED
}
