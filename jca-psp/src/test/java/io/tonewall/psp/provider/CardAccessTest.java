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
  void readsExpiryWrittenWithASlashAsMonthAndFourDigitYear() {
    // given
    PaymentCard card =
        PaymentCard.of(
            "4242424242424242".toCharArray(), "07/29".toCharArray(), "1234".toCharArray());

    // when
    String fields = read(card);

    // then
    assertThat(fields, is("4242424242424242|07|2029|1234"));
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
