package io.tonewall.session.domain;

/** What a payment session does with the card. */
public enum TransactionType {
  /** Authorise and capture. */
  SALE,
  /** Pre-authorise only; capture later. */
  AUTHORISE,
  /** Store the card at the PSP and return a reusable token, without charging. */
  TOKENISE,
  /** Give money back on an earlier transaction. */
  REFUND
}
