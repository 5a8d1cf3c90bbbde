package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in minor units of an ISO 4217 currency, for example 1050 GBP for £10.50. Immutable;
 * built by {@link #of}.
 */
@Embeddable
public class Money implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final long MAX_MINOR_UNITS = 99_999_999_999L;

  @Column(name = "amount_minor", nullable = false)
  private long minorUnits;

  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  protected Money() {
    // for JPA
  }

  private Money(long minorUnits, String currency) {
    this.minorUnits = minorUnits;
    this.currency = currency;
  }

  /**
   * Checks and builds an amount. Messages say what is allowed and never repeat the value: a caller
   * may have sent anything, a card number too, and messages reach problem documents and logs.
   *
   * @param minorUnits amount in minor units, zero (tokenisation) up to 99 999 999 999
   * @param currency ISO 4217 alphabetic code, upper case
   * @throws InvalidMoneyException when either is out of range or unknown
   */
  public static Money of(long minorUnits, String currency) {
    if (minorUnits < 0 || minorUnits > MAX_MINOR_UNITS) {
      throw new InvalidMoneyException(
          "amount must be a whole number of minor units between 0 and " + MAX_MINOR_UNITS);
    }
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new InvalidMoneyException(
          "currency must be an ISO 4217 code of three capital letters, such as GBP");
    }
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new InvalidMoneyException("currency is not an ISO 4217 currency code");
    }
    return new Money(minorUnits, currency);
  }

  /** Nothing, in a currency. */
  public static Money zero(String currency) {
    return of(0, currency);
  }

  /**
   * This amount plus another of the same currency.
   *
   * @throws InvalidMoneyException when the currencies differ or the sum is out of range
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return of(minorUnits + other.minorUnits, currency);
  }

  /**
   * This amount minus another of the same currency.
   *
   * @throws InvalidMoneyException when the currencies differ or the result would be negative
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return of(minorUnits - other.minorUnits, currency);
  }

  /** True when this amount is more than another of the same currency. */
  public boolean exceeds(Money other) {
    requireSameCurrency(other);
    return minorUnits > other.minorUnits;
  }

  /** True for an amount of zero. */
  public boolean isZero() {
    return minorUnits == 0;
  }

  /** Part of this amount in basis points (1/100 of a percent), rounded up to a whole minor unit. */
  public Money basisPoints(int basisPoints) {
    if (basisPoints < 0 || basisPoints > 10_000) {
      throw new InvalidMoneyException("basis points must be 0 to 10000");
    }
    long part = Math.multiplyExact(minorUnits, (long) basisPoints);
    return of(part / 10_000 + (part % 10_000 == 0 ? 0 : 1), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new InvalidMoneyException(
          "currency " + other.currency + " differs from the session's " + currency);
    }
  }

  public long minorUnits() {
    return minorUnits;
  }

  public String currency() {
    return currency;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Money money
        && money.minorUnits == minorUnits
        && money.currency.equals(currency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(minorUnits, currency);
  }

  @Override
  public String toString() {
    return minorUnits + " " + currency;
  }
}
