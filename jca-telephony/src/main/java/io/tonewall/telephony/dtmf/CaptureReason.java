package io.tonewall.telephony.dtmf;

/** Why a {@link DigitCollector} left the collecting state. */
public enum CaptureReason {
  /** {@code #} pressed with at least the minimum number of digits. */
  TERMINATOR,
  /** The maximum number of digits was reached. */
  MAXIMUM_DIGITS,
  /** No key within the inter-digit timeout. */
  INTER_DIGIT_TIMEOUT,
  /** The overall timeout passed. */
  OVERALL_TIMEOUT,
  /** The caller pressed {@code *}. */
  CLEARED_BY_CALLER
}
