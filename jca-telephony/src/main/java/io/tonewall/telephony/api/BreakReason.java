package io.tonewall.telephony.api;

/** Why a secure call turned grey. */
public enum BreakReason {
  /** A party put the call on hold (re-INVITE with sendonly, inactive or 0.0.0.0). */
  HOLD,
  /** A party asked to transfer the call (REFER). */
  TRANSFER,
  /** A party hung up. */
  HANG_UP,
  /** No media arrived for the configured media timeout. */
  MEDIA_TIMEOUT,
  /** The JTA transaction that switched secure mode on rolled back. */
  ROLLED_BACK
}
