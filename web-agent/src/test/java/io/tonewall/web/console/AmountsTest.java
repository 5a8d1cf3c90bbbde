package io.tonewall.web.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.domain.Money;
import org.junit.jupiter.api.Test;

class AmountsTest {

  @Test
  void readsMajorUnits_asTheCurrencysMinorUnits() {
    assertThat(Amounts.parse("10.50", "GBP"), is(Money.of(1050, "GBP")));
    assertThat(Amounts.parse(" 7 ", "EUR"), is(Money.of(700, "EUR")));
    assertThat(Amounts.parse("1050", "JPY"), is(Money.of(1050, "JPY")));
    assertThat(Amounts.format(1050, "GBP"), is("10.50 GBP"));
    assertThat(Amounts.format(1050, "JPY"), is("1050 JPY"));
  }

  @Test
  void refusesWhatIsNotAnAmount_sayingWhatItShouldBe() {
    IllegalArgumentException tooPrecise =
        assertThrows(IllegalArgumentException.class, () -> Amounts.parse("10.505", "GBP"));
    assertThat(tooPrecise.getMessage(), containsString("10.50"));
    assertThrows(IllegalArgumentException.class, () -> Amounts.parse("-1", "GBP"));
    assertThrows(IllegalArgumentException.class, () -> Amounts.parse("ten", "GBP"));
    assertThrows(IllegalArgumentException.class, () -> Amounts.parse("10.5", "JPY"));
    assertThrows(IllegalArgumentException.class, () -> Amounts.parse("10", "XYZ1"));
    assertThrows(IllegalArgumentException.class, () -> Amounts.parse(null, "GBP"));
  }
}
