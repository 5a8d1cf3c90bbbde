package io.tonewall.psp.provider;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.spi.CardAccess;
import io.tonewall.psp.testing.TestCards;
import org.junit.jupiter.api.Test;

class CardAccessTest {

  private static String read(PaymentCard card) {
    StringBuilder digits = new StringBuilder();
    CardAccess.Reader reader = CardAccess.reader();
    reader.writeNumber(card, digits::append);
    digits.append('|');
    reader.writeExpiryMonth(card, digits::append);
    digits.append('|');
    reader.writeExpiryYear(card, digits::append);
    digits.append('|');
    reader.writeSecurityCode(card, digits::append);
    return digits.toString();
  }

  @Test
  void givesProviderCodeTheFieldsItSends() {
    // given
    PaymentCard card = TestCards.card("4000000000009995");

    // when
    String fields = read(card);

    // then
    assertThat(fields, is("4000000000009995|12|2030|" + TestCards.SECURITY_CODE));
  }

  @Test
  void refusesToReadAWipedCard() {
    // given
    PaymentCard card = TestCards.card("4000000000009995");

    // when
    card.close();

    // then
    assertThrows(IllegalStateException.class, () -> read(card));
  }
}
