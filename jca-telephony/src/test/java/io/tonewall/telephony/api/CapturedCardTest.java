package io.tonewall.telephony.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapturedCardTest {

  @Test
  void wipesDigits_evenWhenTheReceiverFails() {
    // given
    char[] number = "5555555555554444".toCharArray();
    CapturedCard card = CapturedCard.of(fields(number), "MASTERCARD");

    // when
    CardHandOverException error =
        assertThrows(
            CardHandOverException.class,
            () ->
                card.handOver(
                    fields -> {
                      throw new IllegalStateException("provider down");
                    }));

    // then
    assertThat(new String(number), is("\0".repeat(16)));
    assertThat(card.wiped(), is(true));
    assertThat(error.getMessage(), not(containsString("5555")));
  }

  @Test
  void refusesToBeSerialised_evenInsideASerialisableHolder() {
    // given
    CapturedCard card = CapturedCard.of(fields("4111111111111111".toCharArray()), "VISA");
    Holder holder = new Holder(card);

    // when
    Exception error =
        assertThrows(
            Exception.class,
            () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(holder));

    // then
    assertThat(error, instanceOf(NotSerializableException.class));
    assertThat(Serializable.class.isAssignableFrom(CapturedCard.class), is(false));
  }

  @Test
  void printsAtMostFirstSixAndLastFour() {
    // when
    CapturedCard card = CapturedCard.of(fields("378282246310005".toCharArray()), "AMEX");

    // then
    assertThat(card.toString(), is("CapturedCard[AMEX 378282*****0005]"));
  }

  @Test
  void refusesDigitsAfterTheHandOverReturned() throws Exception {
    // given
    CapturedCard card = CapturedCard.of(fields("4111111111111111".toCharArray()), "VISA");
    CardFields[] escaped = new CardFields[1];

    // when
    card.handOver(fields -> escaped[0] = fields);

    // then
    assertThrows(IllegalStateException.class, () -> escaped[0].digits(CardField.NUMBER));
  }

  private static Map<CardField, char[]> fields(char[] number) {
    Map<CardField, char[]> fields = new EnumMap<>(CardField.class);
    fields.put(CardField.NUMBER, number);
    return fields;
  }

  private record Holder(Object card) implements Serializable {}
}
