package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtmfKeyTest {

  @Test
  void mapsRfc4733EventCodesToKeys() {
    assertThat(DtmfKey.fromEventCode(0), is(Optional.of(DtmfKey.ZERO)));
    assertThat(DtmfKey.fromEventCode(9), is(Optional.of(DtmfKey.NINE)));
    assertThat(DtmfKey.fromEventCode(10), is(Optional.of(DtmfKey.STAR)));
    assertThat(DtmfKey.fromEventCode(11), is(Optional.of(DtmfKey.POUND)));
    assertThat(DtmfKey.fromEventCode(15), is(Optional.of(DtmfKey.D)));
    assertThat(DtmfKey.fromEventCode(16), is(Optional.empty()));
    assertThat(DtmfKey.fromEventCode(-1), is(Optional.empty()));
  }

  @Test
  void mapsSymbolsToKeys_lettersInEitherCase() {
    assertThat(DtmfKey.fromSymbol('#'), is(Optional.of(DtmfKey.POUND)));
    assertThat(DtmfKey.fromSymbol('*'), is(Optional.of(DtmfKey.STAR)));
    assertThat(DtmfKey.fromSymbol('7'), is(Optional.of(DtmfKey.SEVEN)));
    assertThat(DtmfKey.fromSymbol('b'), is(Optional.of(DtmfKey.B)));
    assertThat(DtmfKey.fromSymbol('x'), is(Optional.empty()));
  }

  @Test
  void roundTripsEveryKeyThroughCodeAndSymbol() {
    for (DtmfKey key : DtmfKey.values()) {
      assertThat(DtmfKey.fromEventCode(key.eventCode()), is(Optional.of(key)));
      assertThat(DtmfKey.fromSymbol(key.symbol()), is(Optional.of(key)));
    }
  }

  @Test
  void masksDigitsWhenPrinted_butNotControlKeys() {
    assertThat(DtmfKey.SEVEN.toString(), is("DIGIT"));
    assertThat(DtmfKey.SEVEN.isDigit(), is(true));
    assertThat(DtmfKey.POUND.toString(), is("POUND"));
    assertThat(DtmfKey.A.isDigit(), is(false));
  }
}
