package io.tonewall.psp.api;

/** Card scheme recognised from the first digits (BIN) of a card number. */
public enum CardBrand {
  VISA,
  MASTERCARD,
  AMEX,
  DISCOVER,
  DINERS,
  JCB,
  UNIONPAY,
  MAESTRO,
  UNKNOWN;

  /**
   * Brand of a card number from its leading digits.
   *
   * @param digits the card number's digits; only the first six are read
   */
  static CardBrand fromLeadingDigits(char[] digits) {
    int two = prefix(digits, 2);
    int three = prefix(digits, 3);
    int four = prefix(digits, 4);
    if (digits[0] == '4') {
      return VISA;
    }
    if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
      return MASTERCARD;
    }
    if (two == 34 || two == 37) {
      return AMEX;
    }
    if (four == 6011 || two == 65 || (three >= 644 && three <= 649)) {
      return DISCOVER;
    }
    if (two == 36 || two == 38 || two == 39 || (three >= 300 && three <= 305)) {
      return DINERS;
    }
    if (four >= 3528 && four <= 3589) {
      return JCB;
    }
    if (two == 62) {
      return UNIONPAY;
    }
    if (two == 50 || (two >= 56 && two <= 58) || digits[0] == '6') {
      return MAESTRO;
    }
    return UNKNOWN;
  }

  private static int prefix(char[] digits, int length) {
    int value = 0;
    for (int i = 0; i < length; i++) {
      value = value * 10 + (digits[i] - '0');
    }
    return value;
  }
}
