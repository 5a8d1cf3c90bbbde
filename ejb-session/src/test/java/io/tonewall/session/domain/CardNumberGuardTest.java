package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardNumberGuardTest {

  @Test
  void findsTestCardNumbers_plainSpacedAndHyphenated() {
    assertThat(CardNumberGuard.containsCardNumber("4111111111111111"), is(true));
    assertThat(CardNumberGuard.containsCardNumber("order for 4242 4242 4242 4242 today"), is(true));
    assertThat(CardNumberGuard.containsCardNumber("5555-5555-5555-4444"), is(true));
    assertThat(CardNumberGuard.containsCardNumber("ref 378282246310005"), is(true));
    assertThat(CardNumberGuard.containsCardNumber("6011111111111117"), is(true));
    assertThat(CardNumberGuard.containsCardNumber("3530111333300000"), is(true));
    assertThat(CardNumberGuard.containsCardNumber("2223003122003222"), is(true));
  }

  @Test
  void letsUuidsThrough_evenWhenTheirDigitGroupsJoinIntoACardLikeNumber() {
    // given: digit groups 8-4-4 joining into 4242424242424242 (Visa, Luhn-valid)
    String uuid = "42424242-4242-4242-abcd-ef0123456789";
    assertThat(CardNumberGuard.containsCardNumber("42424242-4242-4242"), is(true));

    // then
    assertThat(CardNumberGuard.containsCardNumber(uuid), is(false));
    assertThat(CardNumberGuard.containsCardNumber(uuid.toUpperCase()), is(false));
    assertThat(CardNumberGuard.containsCardNumber("order " + uuid + " paid"), is(false));
    assertThat(
        "a card number beside a UUID is still found",
        CardNumberGuard.containsCardNumber(uuid + " 4111 1111 1111 1111"),
        is(true));
    long flagged = 0;
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      if (CardNumberGuard.containsCardNumber(
          new UUID(random.nextLong(), random.nextLong()).toString())) {
        flagged++;
      }
    }
    assertThat("random UUIDs flagged", flagged, is(0L));
  }

  @Test
  void letsPrefixedUuidsThrough_butNotAUuidShapeJoinedToDigitsOrHex() {
    // given: the same UUID, whose digit groups join into a Luhn-valid Visa number
    String uuid = "42424242-4242-4242-abcd-ef0123456789";

    // then: a word prefix and a hyphen keep it a UUID
    assertThat(CardNumberGuard.containsCardNumber("order-" + uuid), is(false));
    assertThat(CardNumberGuard.containsCardNumber("it-" + uuid), is(false));
    assertThat(CardNumberGuard.containsCardNumber("x:" + uuid), is(false));
    // and: a hex digit or a space before the hyphen: the shape is not exempt
    assertThat(CardNumberGuard.containsCardNumber("abc-" + uuid), is(true));
    assertThat(CardNumberGuard.containsCardNumber("x -" + uuid), is(true));
    assertThat(CardNumberGuard.containsCardNumber("x--" + uuid), is(true));
    // and: digits beside a UUID shape, with spaces or hyphens between, join it: read as it is
    assertThat(
        CardNumberGuard.containsCardNumber("4111 1111 11111111-abcd-abcd-abcd-abcdabcdabcd"),
        is(true));
    assertThat(
        CardNumberGuard.containsCardNumber("order-0000000a-000a-000a-000a-411111111111 1111"),
        is(true));
    assertThat(
        "a card number before a prefixed UUID is still found",
        CardNumberGuard.containsCardNumber("4111 1111 1111 1111 order-" + uuid),
        is(true));
    long flagged = 0;
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      if (CardNumberGuard.containsCardNumber(
          "order-" + new UUID(random.nextLong(), random.nextLong()))) {
        flagged++;
      }
    }
    assertThat("prefixed random UUIDs flagged", flagged, is(0L));
  }

  @Test
  void letsOrdinaryReferencesThrough() {
    assertThat(CardNumberGuard.containsCardNumber("order-17"), is(false));
    assertThat(CardNumberGuard.containsCardNumber("INV 2026 11 22"), is(false));
    // 16 digits failing Luhn
    assertThat(CardNumberGuard.containsCardNumber("4111111111111112"), is(false));
    // 12 digits: too short to be a card number
    assertThat(CardNumberGuard.containsCardNumber("424242424242"), is(false));
    // Luhn-valid, but no card scheme starts with 1 or 9: an order number
    assertThat(CardNumberGuard.containsCardNumber("order 1000000000000008"), is(false));
    assertThat(CardNumberGuard.containsCardNumber("9000000000000001"), is(false));
    // a Visa prefix with a length Visa never issues (17 digits)
    assertThat(CardNumberGuard.containsCardNumber("40000000000000006"), is(false));
  }

  @Test
  void refusesSessionWhoseReferenceHoldsACardNumber_withoutRepeatingIt() {
    // when
    CardNumberInFreeTextException error =
        assertThrows(
            CardNumberInFreeTextException.class,
            () ->
                PaymentSession.open(
                    SessionMode.AGENT_ASSIST,
                    TransactionType.SALE,
                    Money.of(1050, "GBP"),
                    Optional.of("card 4111 1111 1111 1111"),
                    Instant.EPOCH));

    // then
    assertThat(error.getMessage(), containsString("merchant reference"));
    assertThat(error.getMessage(), not(containsString("1111")));
  }
}
