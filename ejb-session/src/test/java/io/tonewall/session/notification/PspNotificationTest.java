package io.tonewall.session.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What a stored notification item keeps: references Tonewall could have sent, masked reasons, an
 * amount; never a card number; and the key that makes a resent item the same item.
 */
class PspNotificationTest {

  private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");
  private static final String CARD = "4111111111111111";

  private static NotificationItem item(
      String merchantReference, String success, Optional<String> reason) {
    return new NotificationItem(
        "QFQTPCQ8HXSKGK82",
        "V4HZ4RBFJGXXGN82",
        "TonewallMOTO",
        merchantReference,
        "400",
        "GBP",
        "REFUND",
        success,
        reason,
        "c2lnbmF0dXJl");
  }

  @Test
  void keepsTheFieldsOfAnAuthenticItem() {
    String key = "0b6c5c0e-8a39-4a5e-9d7c-1f9a2b3c4d5e.r1";

    PspNotification stored =
        PspNotification.received(
            "adyen-eu", item(key, "true", Optional.empty()), Optional.of(false), NOW);

    assertThat(stored.merchantReference(), is(Optional.of(key)));
    assertThat(stored.pspReference(), is("QFQTPCQ8HXSKGK82"));
    assertThat(stored.originalReference(), is(Optional.of("V4HZ4RBFJGXXGN82")));
    assertThat(stored.amountMinor(), is(OptionalLong.of(400)));
    assertThat(stored.currency(), is(Optional.of("GBP")));
    assertThat(stored.success(), is(true));
    assertThat(stored.live(), is(Optional.of(false)));
    assertThat(stored.state(), is(NotificationState.RECEIVED));
    assertThat(stored.action(), is(NotificationAction.REFUND_SUCCEEDED));
  }

  @Test
  void withholdsAMerchantReferenceHoldingACardNumberAndMasksDigitsInTheReason() {
    PspNotification stored =
        PspNotification.received(
            "adyen-eu",
            item(CARD, "false", Optional.of("Refused " + CARD + " exp 03/2030")),
            Optional.empty(),
            NOW);

    assertThat(stored.merchantReference(), is(Optional.empty()));
    assertThat(stored.reason(), is(Optional.of("Refused **************** exp **/****")));
    assertThat(stored.reason().orElseThrow(), not(containsString("1111")));
  }

  @Test
  void withholdsAMerchantReferenceTonewallCouldNotHaveSent() {
    assertThat(PspNotification.ownReference("order 42"), is(Optional.empty()));
    assertThat(PspNotification.ownReference("4111-1111-1111-1111"), is(Optional.empty()));
    assertThat(PspNotification.ownReference("x".repeat(81)), is(Optional.empty()));
    assertThat(PspNotification.ownReference("sale-1.r1"), is(Optional.of("sale-1.r1")));
  }

  @Test
  void theSameItemResentHasTheSameKey_andTheOtherOutcomeAnother() {
    String first = PspNotification.dedupeKey("adyen-eu", item("k.r1", "true", Optional.empty()));
    String resent =
        PspNotification.dedupeKey("adyen-eu", item("k.r1", "true", Optional.of("again")));
    String failed = PspNotification.dedupeKey("adyen-eu", item("k.r1", "false", Optional.empty()));
    String elsewhere =
        PspNotification.dedupeKey("adyen-us", item("k.r1", "true", Optional.empty()));

    assertThat(resent, is(first));
    assertThat(failed.equals(first), is(false));
    assertThat(elsewhere.equals(first), is(false));
  }

  @Test
  void isProcessedOnce() {
    PspNotification stored =
        PspNotification.received(
            "adyen-eu", item("k.r1", "true", Optional.empty()), Optional.empty(), NOW);

    stored.processed(NotificationEffect.applied("refund x approved"), NOW.plusSeconds(1));

    assertThat(stored.state(), is(NotificationState.APPLIED));
    assertThat(stored.effect(), is(Optional.of("refund x approved")));
    assertThat(stored.processedAt(), is(Optional.of(NOW.plusSeconds(1))));
    assertThrows(
        IllegalStateException.class,
        () -> stored.processed(NotificationEffect.none("again"), NOW.plusSeconds(2)));
  }

  @Test
  void refusesItemsWhoseSignedFieldsAreNotWhatAdyenSends() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new NotificationItem(
                "has space", "", "M", "", "", "", "REFUND", "true", Optional.empty(), ""));
    IllegalArgumentException success =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new NotificationItem(
                    "PSP1", "", "M", "", "", "", "REFUND", "yes", Optional.empty(), ""));
    assertThat(success.getMessage(), not(containsString("yes")));
  }
}
