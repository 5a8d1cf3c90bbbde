package io.tonewall.telephony.dtmf;

import java.time.Duration;
import java.util.Objects;

/**
 * What one card field accepts from the keypad: between a minimum and a maximum number of digits (at
 * most 19, the longest card number), an inter-digit timeout and an overall timeout. The terminator
 * is always {@code #} and the clear key always {@code *}. Immutable.
 */
public final class CaptureSpecification {

  /** Longest field there is: a 19-digit card number. */
  public static final int MAX_DIGITS = 19;

  private final int minDigits;
  private final int maxDigits;
  private final Duration interDigitTimeout;
  private final Duration overallTimeout;

  private CaptureSpecification(
      int minDigits, int maxDigits, Duration interDigitTimeout, Duration overallTimeout) {
    this.minDigits = minDigits;
    this.maxDigits = maxDigits;
    this.interDigitTimeout = interDigitTimeout;
    this.overallTimeout = overallTimeout;
  }

  /**
   * @param minDigits at least 1
   * @param maxDigits at least {@code minDigits}, at most {@value #MAX_DIGITS}
   * @param interDigitTimeout longest pause allowed before the first key and between keys; positive
   * @param overallTimeout longest time the whole field may take; positive
   * @throws IllegalArgumentException naming the offending value
   */
  public static CaptureSpecification of(
      int minDigits, int maxDigits, Duration interDigitTimeout, Duration overallTimeout) {
    Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
    Objects.requireNonNull(overallTimeout, "overallTimeout");
    if (minDigits < 1) {
      throw new IllegalArgumentException("minimum digits must be at least 1, was " + minDigits);
    }
    if (maxDigits > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "maximum digits must be at most " + MAX_DIGITS + ", was " + maxDigits);
    }
    if (minDigits > maxDigits) {
      throw new IllegalArgumentException(
          "minimum digits (" + minDigits + ") must not exceed maximum digits (" + maxDigits + ")");
    }
    if (interDigitTimeout.isNegative() || interDigitTimeout.isZero()) {
      throw new IllegalArgumentException(
          "inter-digit timeout must be positive, was " + interDigitTimeout);
    }
    if (overallTimeout.isNegative() || overallTimeout.isZero()) {
      throw new IllegalArgumentException("overall timeout must be positive, was " + overallTimeout);
    }
    return new CaptureSpecification(minDigits, maxDigits, interDigitTimeout, overallTimeout);
  }

  /**
   * @return fewest digits that complete the field
   */
  public int minDigits() {
    return minDigits;
  }

  /**
   * @return most digits the field holds; reaching it completes the field
   */
  public int maxDigits() {
    return maxDigits;
  }

  /**
   * @return longest pause before the first key and between keys
   */
  public Duration interDigitTimeout() {
    return interDigitTimeout;
  }

  /**
   * @return longest time for the whole field
   */
  public Duration overallTimeout() {
    return overallTimeout;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaptureSpecification that
        && minDigits == that.minDigits
        && maxDigits == that.maxDigits
        && interDigitTimeout.equals(that.interDigitTimeout)
        && overallTimeout.equals(that.overallTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(minDigits, maxDigits, interDigitTimeout, overallTimeout);
  }

  @Override
  public String toString() {
    return "CaptureSpecification[digits="
        + minDigits
        + ".."
        + maxDigits
        + ", interDigit="
        + interDigitTimeout
        + ", overall="
        + overallTimeout
        + "]";
  }
}
