package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import java.time.Duration;
import java.util.Objects;

/**
 * How a card field is to be captured: its digit limit, its terminator key and how long the caller
 * has to key it.
 *
 * @param field the card field
 * @param maxDigits capture stops at this many digits
 * @param terminator the key that ends the field early ({@code #})
 * @param timeout how long to wait for the caller
 */
public record CardFieldSpec(CardField field, int maxDigits, char terminator, Duration timeout) {

  /** The default time a caller has for one field. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public CardFieldSpec {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(timeout, "timeout");
    if (maxDigits < field.minDigits() || maxDigits > field.maxDigits()) {
      throw new IllegalArgumentException(
          field.apiName() + " takes " + field.minDigits() + " to " + field.maxDigits() + " digits");
    }
  }

  /** The field's own digit limit, {@code #} and the default timeout. */
  public static CardFieldSpec of(CardField field) {
    return new CardFieldSpec(field, field.maxDigits(), '#', DEFAULT_TIMEOUT);
  }
}
