package io.tonewall.session.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the capture reports about one card field while the caller keys it: counts and masked facts
 * only, never a digit beyond the last four of a complete number.
 *
 * @param field the card field
 * @param digitCount digits keyed so far
 * @param complete terminated or at the digit limit
 * @param valid passes the checks for its kind (Luhn and length, expiry in the future, security code
 *     length for the brand); meaningful once complete
 * @param scheme the brand from the BIN (card number only, once enough digits are keyed)
 * @param lastFour the last four digits (card number only, once complete and valid)
 */
public record FieldReport(
    CardField field,
    int digitCount,
    boolean complete,
    boolean valid,
    Optional<CardScheme> scheme,
    Optional<String> lastFour) {

  public FieldReport {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(lastFour, "lastFour");
    if (digitCount < 0 || digitCount > field.maxDigits()) {
      throw new InvalidSessionInputException(
          field.apiName() + " digit count must be 0 to " + field.maxDigits());
    }
    if (field != CardField.NUMBER && (scheme.isPresent() || lastFour.isPresent())) {
      throw new InvalidSessionInputException("only the card number reports a brand or last four");
    }
    if (lastFour.isPresent() && (!complete || !valid || !lastFour.get().matches("[0-9]{4}"))) {
      throw new InvalidSessionInputException(
          "last four are four digits of a complete, valid number");
    }
  }

  /** Digits keyed so far, nothing complete yet. */
  public static FieldReport typing(CardField field, int digitCount) {
    return new FieldReport(field, digitCount, false, false, Optional.empty(), Optional.empty());
  }
}
