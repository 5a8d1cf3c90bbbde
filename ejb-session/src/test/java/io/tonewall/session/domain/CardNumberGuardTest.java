package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
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
