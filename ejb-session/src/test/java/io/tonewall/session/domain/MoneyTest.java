package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void holdsMinorUnitsAndCurrency() {
    // when
    Money money = Money.of(1050, "GBP");

    // then
    assertThat(money.minorUnits(), is(1050L));
    assertThat(money.currency(), is("GBP"));
    assertThat(money, is(Money.of(1050, "GBP")));
    assertThat(money.toString(), is("1050 GBP"));
  }

  @Test
  void rejectsNegativeAmount() {
    InvalidMoneyException error =
        assertThrows(InvalidMoneyException.class, () -> Money.of(-1, "EUR"));
    assertThat(error.getMessage(), containsString("between 0 and"));
  }

  @Test
  void neverRepeatsTheRefusedValue_whichMayBeACardNumber() {
    // when
    String amount =
        assertThrows(InvalidMoneyException.class, () -> Money.of(4242424242424242L, "GBP"))
            .getMessage();
    String currency =
        assertThrows(InvalidMoneyException.class, () -> Money.of(1, "4242424242424242"))
            .getMessage();
    String unknown =
        assertThrows(InvalidMoneyException.class, () -> Money.of(1, "QQQ")).getMessage();

    // then
    assertThat(amount, not(containsString("4242")));
    assertThat(amount, containsString("between 0 and 99999999999"));
    assertThat(currency, not(containsString("4242")));
    assertThat(currency, containsString("three capital letters"));
    assertThat(unknown, not(containsString("QQQ")));
  }

  @Test
  void rejectsAmountAboveLimit() {
    assertThrows(InvalidMoneyException.class, () -> Money.of(100_000_000_000L, "EUR"));
  }

  @Test
  void rejectsLowerCaseAndUnknownCurrencies() {
    assertThat(
        assertThrows(InvalidMoneyException.class, () -> Money.of(1, "gbp")).getMessage(),
        containsString("three capital letters"));
    assertThat(
        assertThrows(InvalidMoneyException.class, () -> Money.of(1, "XYZ")).getMessage(),
        containsString("not an ISO 4217 currency"));
    assertThrows(InvalidMoneyException.class, () -> Money.of(1, null));
  }

  @Test
  void roundsSurchargeUpToAWholeMinorUnit() {
    // when
    Money surcharge = Money.of(999, "GBP").basisPoints(150);

    // then: 14.985 pence rounds up
    assertThat(surcharge, is(Money.of(15, "GBP")));
    assertThat(Money.of(1000, "GBP").basisPoints(150), is(Money.of(15, "GBP")));
  }

  @Test
  void refusesArithmeticAcrossCurrencies_andBelowZero() {
    assertThrows(InvalidMoneyException.class, () -> Money.of(1, "GBP").plus(Money.of(1, "EUR")));
    assertThrows(InvalidMoneyException.class, () -> Money.of(1, "GBP").minus(Money.of(2, "GBP")));
    assertThat(Money.of(5, "GBP").minus(Money.of(2, "GBP")), is(Money.of(3, "GBP")));
  }
}
