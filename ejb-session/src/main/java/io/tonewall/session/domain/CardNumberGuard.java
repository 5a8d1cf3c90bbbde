package io.tonewall.session.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps card numbers out of free text. Integrators and agents type references, names and notes; if
 * one of them holds what looks like a card number (13 to 19 digits, possibly separated by spaces or
 * hyphens, passing the Luhn check), Tonewall refuses it rather than store it.
 *
 * <p>A UUID in its canonical form (8-4-4-4-12 hexadecimal digits) is never read as a card number,
 * although its digit groups joined across the hyphens can, about once in ten thousand random UUIDs,
 * look like one: integrators are told to use UUIDs as idempotency keys and references. The UUID
 * must stand on its own: at the start, after a character that is neither a hexadecimal digit nor a
 * hyphen, or after a word prefix and a hyphen ({@code order-<uuid>}, {@code it-<uuid>}); and no
 * digit may stand next to it with only spaces or hyphens between (those would join its digit groups
 * into one run with other digits, so such text is read as it is). A UUID-shaped part of a longer
 * run of hex digits and hyphens is not exempt either.
 */
public final class CardNumberGuard {

  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;

  private static final Pattern UUID =
      Pattern.compile(
          "(?:(?<![0-9A-Fa-f-])|(?<=[^0-9A-Fa-f\\s-]-))[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
              + "[0-9A-Fa-f]{12}(?![0-9A-Fa-f-])");

  private CardNumberGuard() {}

  /**
   * Refuses free text that holds a likely card number.
   *
   * @param field the field's name, used in the message (the value never is)
   * @throws CardNumberInFreeTextException when {@code text} holds one
   */
  public static void requireNoCardNumber(String field, String text) {
    if (text != null && containsCardNumber(text)) {
      throw new CardNumberInFreeTextException(field);
    }
  }

  /**
   * True when {@code text} holds a run of 13-19 digits (spaces or hyphens between them) passing
   * Luhn.
   */
  public static boolean containsCardNumber(CharSequence input) {
    CharSequence text = withoutStandaloneUuids(input);
    int[] digits = new int[text.length()];
    int count = 0;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\0';
      if (c >= '0' && c <= '9') {
        digits[count++] = c - '0';
      } else if ((c == ' ' || c == '-') && count > 0) {
        continue;
      } else {
        if (isCardNumber(digits, count)) {
          return true;
        }
        count = 0;
      }
    }
    return false;
  }

  /** {@code input} with every UUID that stands on its own (see the class comment) replaced. */
  private static CharSequence withoutStandaloneUuids(CharSequence input) {
    Matcher uuid = UUID.matcher(input);
    StringBuilder text = new StringBuilder(input.length());
    int copied = 0;
    while (uuid.find()) {
      if (!digitJoins(input, uuid.start() - 1, -1) && !digitJoins(input, uuid.end(), 1)) {
        text.append(input, copied, uuid.start()).append('u');
        copied = uuid.end();
      }
    }
    return text.append(input, copied, input.length());
  }

  /**
   * Whether, going from {@code from} in direction {@code step}, the first character that is not a
   * space or hyphen is a digit.
   */
  private static boolean digitJoins(CharSequence text, int from, int step) {
    for (int i = from; i >= 0 && i < text.length(); i += step) {
      char c = text.charAt(i);
      if (c != ' ' && c != '-') {
        return c >= '0' && c <= '9';
      }
    }
    return false;
  }

  private static boolean isCardNumber(int[] digits, int count) {
    return count >= MIN_DIGITS
        && count <= MAX_DIGITS
        && hasCardPrefixAndLength(digits, count)
        && luhn(digits, 0, count);
  }

  /**
   * True when the digits start like a card scheme's numbers and have one of its lengths (Visa,
   * Mastercard, American Express, Discover, Diners, JCB, UnionPay), so that ordinary long order
   * numbers that happen to pass Luhn are not refused.
   */
  private static boolean hasCardPrefixAndLength(int[] digits, int count) {
    int two = digits[0] * 10 + digits[1];
    int four = two * 100 + digits[2] * 10 + digits[3];
    if (digits[0] == 4) {
      return count == 13 || count == 16 || count == 19;
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return count == 16;
    }
    if (two == 34 || two == 37) {
      return count == 15;
    }
    if (two == 36 || two == 38 || two == 39 || (two == 30)) {
      return count >= 14 && count <= 19;
    }
    if (four >= 3528 && four <= 3589) {
      return count >= 16 && count <= 19;
    }
    return (digits[0] == 6) && count >= 16 && count <= 19;
  }

  private static boolean luhn(int[] digits, int start, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      int digit = digits[start + length - 1 - i];
      if (i % 2 == 1) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
