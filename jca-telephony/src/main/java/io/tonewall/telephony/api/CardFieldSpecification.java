package io.tonewall.telephony.api;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How one card field is captured from the keypad: which field, between {@code minDigits} and {@code
 * maxDigits} digits (at most 19), completed early by the terminator {@code #}, and the longest
 * pause between keys and the longest time for the whole field. {@code *} always clears what was
 * keyed. Immutable.
 *
 * @param field the field captured
 * @param minDigits at least 1
 * @param maxDigits from {@code minDigits} to 19
 * @param terminator the key that completes the field early; only {@code '#'} is supported
 * @param interDigitTimeout positive
 * @param overallTimeout positive
 */
public record CardFieldSpecification(
    CardField field,
    int minDigits,
    int maxDigits,
    char terminator,
    Duration interDigitTimeout,
    Duration overallTimeout)
    implements Serializable {

  public CardFieldSpecification {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
    Objects.requireNonNull(overallTimeout, "overallTimeout");
    if (minDigits < 1 || maxDigits > 19 || minDigits > maxDigits) {
      throw new IllegalArgumentException(
          "digits must satisfy 1 <= min <= max <= 19, was " + minDigits + ".." + maxDigits);
    }
    if (terminator != '#') {
      throw new IllegalArgumentException("only # terminates a field, not " + terminator);
    }
    if (interDigitTimeout.isNegative()
        || interDigitTimeout.isZero()
        || overallTimeout.isNegative()
        || overallTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** The usual specification of a field: its length rules, 10 s between keys, 60 s in all. */
  public static CardFieldSpecification standard(CardField field) {
    Duration pause = Duration.ofSeconds(10);
    Duration overall = Duration.ofSeconds(60);
    return switch (field) {
      case NUMBER -> new CardFieldSpecification(field, 12, 19, '#', pause, overall);
      case EXPIRY, START_DATE -> new CardFieldSpecification(field, 4, 4, '#', pause, overall);
      case SECURITY_CODE -> new CardFieldSpecification(field, 3, 4, '#', pause, overall);
      case ISSUE_NUMBER -> new CardFieldSpecification(field, 1, 2, '#', pause, overall);
    };
  }
}
