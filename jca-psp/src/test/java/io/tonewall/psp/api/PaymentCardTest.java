package io.tonewall.psp.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.spi.CardAccess;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCardTest {

  private static PaymentCard card(String pan) {
    return PaymentCard.of(pan.toCharArray(), "0130".toCharArray(), "123".toCharArray());
  }

  @Test
  void masksAllButFirstSixAndLastFour_inToString() {
    // given
    PaymentCard card = card("4242424242424242");

    // when
    String text = card.toString();

    // then
    assertThat(text, is("PaymentCard[VISA 424242******4242]"));
    assertThat(text, not(containsString("123")));
  }

  @Test
  void exposesBinLastFourAndBrand() {
    // given
    PaymentCard card = card("5555555555554444");

    // then
    assertThat(card.firstSix(), is("555555"));
    assertThat(card.lastFour(), is("4444"));
    assertThat(card.brand(), is(CardBrand.MASTERCARD));
  }

  @ParameterizedTest
  @CsvSource({
    "4242424242424242, VISA",
    "5555555555554444, MASTERCARD",
    "2223003122003222, MASTERCARD",
    "378282246310005, AMEX",
    "6011111111111117, DISCOVER",
    "3056930009020004, DINERS",
    "3566002020360505, JCB",
    "6200000000000005, UNIONPAY",
    "6759649826438453, MAESTRO"
  })
  void recognisesBrandFromBin(String pan, CardBrand brand) {
    assertThat(card(pan).brand(), is(brand));
  }

  @Test
  void copiesTheCallersArrays_soTheCallerCanWipeItsOwn() {
    // given
    char[] pan = "4242424242424242".toCharArray();
    PaymentCard card = PaymentCard.of(pan, "1230".toCharArray(), "123".toCharArray());

    // when
    Arrays.fill(pan, '0');

    // then
    assertThat(card.lastFour(), is("4242"));
    assertThat(card.toString(), containsString("424242"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"42424242424", "42424242424242424242", "4242424242424241", "4242-4242-4242-4242"})
  void rejectsBadNumbers_withMessagesWithoutDigits(String pan) {
    // when
    InvalidCardNumberException e = assertThrows(InvalidCardNumberException.class, () -> card(pan));

    // then
    assertThat(e.getMessage(), matchesPattern("[^0-9]*(12 to 19)?[^0-9]*"));
    assertThat(e.toString(), not(containsString("4242")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1330", "0030", "13/30", "1/30", "12-30", "123", "ab30"})
  void rejectsBadExpiry_withMessagesWithoutTheExpiry(String expiry) {
    // when
    InvalidExpiryException e =
        assertThrows(
            InvalidExpiryException.class,
            () ->
                PaymentCard.of(
                    "4242424242424242".toCharArray(), expiry.toCharArray(), "123".toCharArray()));

    // then
    assertThat(e.getMessage(), not(containsString(expiry)));
    assertThat(e.getMessage(), not(containsString("4242")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "12345", "12a"})
  void rejectsBadSecurityCode_withMessagesWithoutIt(String code) {
    // when
    InvalidSecurityCodeException e =
        assertThrows(
            InvalidSecurityCodeException.class,
            () ->
                PaymentCard.of(
                    "4242424242424242".toCharArray(), "1230".toCharArray(), code.toCharArray()));

    // then
    assertThat(e.getMessage(), is("security code must be 3 or 4 digits"));
  }

  @Test
  void refusesJavaSerialisation() {
    // given
    PaymentCard card = card("4242424242424242");

    // when
    NotSerializableException e =
        assertThrows(
            NotSerializableException.class,
            () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(card));

    // then
    assertThat(card, not(instanceOf(Serializable.class)));
    assertThat(e.getMessage(), not(containsString("4242424242424242")));
  }

  @Test
  void refusesSerialisationOfARequestThatHoldsACard() {
    // given
    AuthorisationRequest request =
        new AuthorisationRequest(
            "sandbox",
            IdempotencyKey.of("k1"),
            Money.of(100, "GBP"),
            card("4242424242424242"),
            AuthorisationKind.SALE);

    // then
    assertThrows(
        NotSerializableException.class,
        () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(request));
    assertThat(request.toString(), not(containsString("4242424242424242")));
  }

  @Test
  void marksItselfWiped_whenClosed() {
    // given
    PaymentCard card = card("4242424242424242");

    // when
    card.close();

    // then
    assertThat(card.isWiped(), is(true));
    assertThat(card.toString(), is("PaymentCard[VISA 424242******4242 wiped]"));
  }

  @Test
  void refusesTheDigitDoorToCallersOutsideProviders() {
    // given
    card("4242424242424242");

    // when
    SecurityException e = assertThrows(SecurityException.class, CardAccess::reader);

    // then
    assertThat(e.getMessage(), containsString("provider serialisers only"));
  }

  @Test
  void refusesASecondInstallOfTheDoor() {
    // given
    card("4242424242424242");

    // then
    assertThrows(IllegalStateException.class, () -> CardAccess.install(null));
  }
}
