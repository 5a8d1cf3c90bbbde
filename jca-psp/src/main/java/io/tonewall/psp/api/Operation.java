package io.tonewall.psp.api;

/** The kinds of request the adapter sends to a provider. */
public enum Operation {
  /** Authorisation only; captured later (pre-authorisation, or capture after commit). */
  AUTHORISE,
  /** Authorisation captured at once. */
  SALE,
  CAPTURE,
  VOID,
  REFUND,
  TOKENISE,
  STATUS
}
