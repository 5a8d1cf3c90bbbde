package io.tonewall.telephony.api;

/** The card fields a caller can key on the phone. */
public enum CardField {
  /** The primary account number, 12 to 19 digits. */
  NUMBER,
  /** Expiry as MMYY. */
  EXPIRY,
  /** The security code on the card: 3 digits, 4 for American Express. */
  SECURITY_CODE,
  /** Start date as MMYY, where a provider asks for it. */
  START_DATE,
  /** Issue number, where a provider asks for it. */
  ISSUE_NUMBER
}
