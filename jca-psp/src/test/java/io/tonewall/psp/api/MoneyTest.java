package io.tonewall.psp.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void rejectsAmountsNotAboveZero(long minorUnits) {
    InvalidAmountException e =
        assertThrows(InvalidAmountException.class, () -> Money.of(minorUnits, "GBP"));
    assertThat(e.getMessage(), containsString("greater than zero"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gbp", "XYZ", "GB", "POUND", ""})
  void rejectsCodesThatAreNotIso4217(String code) {
    UnknownCurrencyException e =
        assertThrows(UnknownCurrencyException.class, () -> Money.of(100, code));
    assertThat(e.getMessage(), containsString("ISO 4217"));
  }

  @Test
  void comparesAmountsOfOneCurrencyOnly() {
    // given
    Money ten = Money.of(1000, "EUR");

    // then
    assertThat(ten.exceeds(Money.of(999, "EUR")), is(true));
    assertThat(ten.plus(Money.of(1, "EUR")), is(Money.of(1001, "EUR")));
    assertThrows(CurrencyMismatchException.class, () -> ten.exceeds(Money.of(1, "GBP")));
  }

  @Test
  void printsMinorUnitsAndCode() {
    assertThat(Money.of(1050, "JPY").toString(), is("1050 JPY"));
  }
}
