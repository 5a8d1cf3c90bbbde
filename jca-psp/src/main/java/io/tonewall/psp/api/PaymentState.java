package io.tonewall.psp.api;

/** Where a payment stands at the provider, as a status query finds it. */
public enum PaymentState {
  /** Authorised, not (fully) captured. */
  AUTHORISED,
  CAPTURED,
  VOIDED,
  REFUNDED,
  DECLINED,
  /** Provider received it and has not finished (e.g. Adyen modifications are asynchronous). */
  PENDING,
  /** The provider has no payment for this key or reference: it was never made. */
  NOT_FOUND
}
