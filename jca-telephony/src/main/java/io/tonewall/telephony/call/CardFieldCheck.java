package io.tonewall.telephony.call;

import io.tonewall.telephony.api.CardField;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Validation of a completed card field as the caller types: Luhn and length for the number with its
 * brand from the BIN, a month and a future year for the expiry, the security code's length by
 * brand. Works on the {@code char[]} directly; never creates a {@code String} of digits except the
 * last four of a valid number.
 */
final class CardFieldCheck {

  private CardFieldCheck() {}

  /** What the check found: validity, brand and last four for a number. */
  record Verdict(boolean valid, Optional<String> brand, Optional<String> lastFour) {}

  static Verdict check(
      CardField field, char[] digits, Optional<String> numberBrand, YearMonth today) {
    return switch (field) {
      case NUMBER -> number(digits);
      case EXPIRY -> new Verdict(expiry(digits, today), Optional.empty(), Optional.empty());
      case START_DATE -> new Verdict(month(digits), Optional.empty(), Optional.empty());
      case SECURITY_CODE ->
          new Verdict(
              digits.length == (numberBrand.filter("AMEX"::equals).isPresent() ? 4 : 3),
              Optional.empty(),
              Optional.empty());
      case ISSUE_NUMBER -> new Verdict(digits.length >= 1, Optional.empty(), Optional.empty());
    };
  }

  private static Verdict number(char[] digits) {
    String brand = brand(digits);
    boolean valid = digits.length >= 12 && digits.length <= 19 && luhn(digits);
    Optional<String> lastFour =
        valid ? Optional.of(new String(digits, digits.length - 4, 4)) : Optional.empty();
    return new Verdict(valid, Optional.of(brand), lastFour);
  }

  static boolean luhn(char[] digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length - 1; i >= 0; i--) {
      int d = digits[i] - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  static String brand(char[] digits) {
    int two = digits.length >= 2 ? (digits[0] - '0') * 10 + (digits[1] - '0') : -1;
    int four = digits.length >= 4 ? two * 100 + (digits[2] - '0') * 10 + (digits[3] - '0') : -1;
    if (digits.length > 0 && digits[0] == '4') {
      return "VISA";
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return "MASTERCARD";
    }
    if (two == 34 || two == 37) {
      return "AMEX";
    }
    if (four == 6011 || two == 65) {
      return "DISCOVER";
    }
    return "UNKNOWN";
  }

  private static boolean month(char[] digits) {
    if (digits.length != 4) {
      return false;
    }
    int month = (digits[0] - '0') * 10 + (digits[1] - '0');
    return month >= 1 && month <= 12;
  }

  private static boolean expiry(char[] digits, YearMonth today) {
    if (!month(digits)) {
      return false;
    }
    int month = (digits[0] - '0') * 10 + (digits[1] - '0');
    int year = 2000 + (digits[2] - '0') * 10 + (digits[3] - '0');
    YearMonth expiry = YearMonth.of(year, month);
    return !expiry.isBefore(today) && expiry.isBefore(today.plusYears(20));
  }
}
