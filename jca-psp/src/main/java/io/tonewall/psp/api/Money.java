package io.tonewall.psp.api;

import java.util.Currency;

/**
 * A positive amount in minor units (cents, pence; none for JPY) of an ISO 4217 currency.
 *
 * @param minorUnits amount in the currency's minor unit, greater than zero
 * @param currency ISO 4217 currency
 */
public record Money(long minorUnits, Currency currency) {

  public Money {
    if (minorUnits <= 0) {
      throw new InvalidAmountException("amount must be greater than zero, was " + minorUnits);
    }
    if (currency == null) {
      throw new UnknownCurrencyException("currency is required");
    }
  }

  /**
   * An amount in minor units of the currency with the given ISO 4217 code.
   *
   * @throws InvalidAmountException if {@code minorUnits <= 0}
   * @throws UnknownCurrencyException if the code is not an ISO 4217 code
   */
  public static Money of(long minorUnits, String currencyCode) {
    return new Money(minorUnits, currencyOf(currencyCode));
  }

  /**
   * The ISO 4217 currency with this three-letter upper-case code.
   *
   * @throws UnknownCurrencyException otherwise
   */
  public static Currency currencyOf(String currencyCode) {
    if (currencyCode == null || !currencyCode.matches("[A-Z]{3}")) {
      throw new UnknownCurrencyException(
          "currency must be a three-letter upper-case ISO 4217 code, was " + currencyCode);
    }
    try {
      return Currency.getInstance(currencyCode);
    } catch (IllegalArgumentException e) {
      throw new UnknownCurrencyException("unknown ISO 4217 currency " + currencyCode, e);
    }
  }

  /** The ISO 4217 code, e.g. {@code GBP}. */
  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  /** This amount plus another of the same currency. */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  /** Whether this amount is greater than another of the same currency. */
  public boolean exceeds(Money other) {
    requireSameCurrency(other);
    return minorUnits > other.minorUnits;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(
          "currency " + other.currencyCode() + " differs from " + currencyCode());
    }
  }

  @Override
  public String toString() {
    return minorUnits + " " + currencyCode();
  }
}
