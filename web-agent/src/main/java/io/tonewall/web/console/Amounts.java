package io.tonewall.web.console;

import io.tonewall.session.domain.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** Amounts as agents type and read them ("10.50") and as the domain keeps them (minor units). */
final class Amounts {

  private Amounts() {}

  /**
   * The amount typed in the currency's major unit.
   *
   * @throws IllegalArgumentException when it is not a positive number with at most the currency's
   *     decimals, or the currency is unknown
   */
  static Money parse(String typed, String currencyCode) {
    Currency currency;
    try {
      currency = Currency.getInstance(currencyCode == null ? "" : currencyCode.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code such as GBP", e);
    }
    int decimals = Math.max(0, currency.getDefaultFractionDigits());
    String text = typed == null ? "" : typed.strip();
    if (!text.matches("[0-9]{1,11}(\\.[0-9]{1," + Math.max(1, decimals) + "})?")
        || (decimals == 0 && text.contains("."))) {
      throw new IllegalArgumentException(
          "amount must be a number such as " + (decimals == 0 ? "1050" : "10.50"));
    }
    long minorUnits = new BigDecimal(text).movePointRight(decimals).longValueExact();
    return Money.of(minorUnits, currency.getCurrencyCode());
  }

  /** Minor units shown in the major unit with the currency code: "10.50 GBP". */
  static String format(long minorUnits, String currencyCode) {
    int decimals = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
    return BigDecimal.valueOf(minorUnits).movePointLeft(decimals).toPlainString()
        + " "
        + currencyCode;
  }

  /** A typed text, empty when blank. */
  static Optional<String> optional(String typed) {
    return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(typed.strip());
  }
}
