package io.tonewall.psp.api;

/** Why a payment was declined, normalised across providers. */
public enum DeclineReason {
  INSUFFICIENT_FUNDS,
  /** Generic refusal by the issuer; also the reason for declines no other value describes. */
  DO_NOT_HONOUR,
  EXPIRED_CARD,
  INVALID_SECURITY_CODE,
  INVALID_CARD_NUMBER,
  /** Fraud suspected, or the card is lost, stolen or blocked. */
  SUSPECTED_FRAUD,
  /** Strong customer authentication (3-D Secure) is required and was not done. */
  AUTHENTICATION_REQUIRED
}
