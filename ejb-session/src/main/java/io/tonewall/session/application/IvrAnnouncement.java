package io.tonewall.session.application;

/** What the IVR tells its caller before it hangs up or transfers the call back. */
public enum IvrAnnouncement {
  /** The payment was approved. */
  PAYMENT_APPROVED,
  /** The issuer or the PSP declined the payment. */
  PAYMENT_DECLINED,
  /** The payment did not happen (an error, not a decline). */
  PAYMENT_FAILED,
  /** The PSP gave no answer: the caller must not pay again until it is known. */
  OUTCOME_UNKNOWN,
  /** A tokenisation session stored the card. */
  CARD_SAVED,
  /** The integrator cancelled the session during the call. */
  SESSION_CANCELLED,
  /** A card field failed too often. */
  TOO_MANY_ATTEMPTS
}
