package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.infrastructure.jca.PspGateway;
import io.tonewall.session.notification.ItemVerdict;
import io.tonewall.session.notification.NotificationItem;
import io.tonewall.session.notification.NotificationReceipt;
import io.tonewall.session.notification.NotificationSenderRefusedException;
import io.tonewall.session.notification.PspNotification;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link PspNotifications}: the sender is checked first; each item is checked by the PSP adapter,
 * rejected ones are audited and never stored; authentic ones are stored once (a resent one, or one
 * a twin request stored first, is a duplicate).
 */
class PspNotificationsTest {

  private static final String CARD = "4111111111111111";

  private final Set<String> stored = new HashSet<>();
  private final List<String> audited = new ArrayList<>();
  private final Set<String> storedByTwin = new HashSet<>();

  /** The PSP adapter's verdict by PSP reference (AUTHENTIC when not listed). */
  private final Map<String, ItemVerdict> verdicts =
      Map.of(
          "BADSIGNATURE0001", ItemVerdict.SIGNATURE_INVALID,
          "OTHERACCOUNT0002", ItemVerdict.OTHER_MERCHANT_ACCOUNT);

  private static NotificationItem item(String pspReference, String merchantReference) {
    return new NotificationItem(
        pspReference,
        "V4HZ4RBFJGXXGN82",
        "TonewallMOTO",
        merchantReference,
        "400",
        "GBP",
        "REFUND",
        "true",
        Optional.empty(),
        "c2ln");
  }

  @Test
  void storesAuthenticItemsOnce_andAuditsRejectedOnesWithoutStoringThem() throws Exception {
    PspNotifications notifications = notifications(true);

    NotificationReceipt receipt =
        notifications.receive(
            "adyen-eu",
            Optional.of(false),
            List.of(
                item("REFUNDOK00000001", "sale-1.r1"),
                item("BADSIGNATURE0001", CARD),
                item("OTHERACCOUNT0002", "sale-1.r1"),
                item("REFUNDOK00000001", "sale-1.r1")));

    assertThat(receipt.stored().size(), is(1));
    assertThat(receipt.duplicates(), is(1));
    assertThat(receipt.rejected(), is(2));
    assertThat(stored, is(Set.of("adyen-eu:REFUND:REFUNDOK00000001:true")));
    assertThat(audited.size(), is(1));
    assertThat(audited.get(0), containsString("items=2"));
    assertThat(audited.get(0), containsString("SIGNATURE_INVALID=1"));
    assertThat(audited.get(0), containsString("OTHER_MERCHANT_ACCOUNT=1"));
    assertThat(audited.get(0), containsString("events=[REFUND]"));
    assertThat(audited.get(0), not(containsString("1111")));
  }

  @Test
  void takesAnItemATwinRequestStoredFirstAsADuplicate() throws Exception {
    storedByTwin.add("adyen-eu:REFUND:REFUNDOK00000001:true");
    PspNotifications notifications = notifications(true);

    NotificationReceipt receipt =
        notifications.receive(
            "adyen-eu", Optional.empty(), List.of(item("REFUNDOK00000001", "sale-1.r1")));

    assertThat(receipt.stored(), is(empty()));
    assertThat(receipt.duplicates(), is(1));
    assertThat(audited, is(empty()));
  }

  @Test
  void refusesASenderWithoutTheConfiguredCredentials() throws Exception {
    PspNotifications notifications = notifications(false);

    NotificationSenderRefusedException refused =
        assertThrows(
            NotificationSenderRefusedException.class,
            () -> notifications.admit("adyen-eu", Optional.of("adyen"), Optional.of("guess")));

    assertThat(refused.getMessage(), not(containsString("guess")));
    assertThat(stored, is(empty()));
  }

  private PspNotifications notifications(boolean senderAccepted) throws Exception {
    PspNotifications notifications = new PspNotifications();
    inject(
        notifications,
        "psp",
        new PspGateway() {
          @Override
          public boolean notificationSenderAccepted(
              String configuration, Optional<String> username, Optional<String> password) {
            return senderAccepted;
          }

          @Override
          public ItemVerdict notificationAuthenticity(String configuration, NotificationItem item) {
            return verdicts.getOrDefault(item.pspReference(), ItemVerdict.AUTHENTIC);
          }
        });
    inject(
        notifications,
        "inbox",
        new NotificationInbox() {
          @Override
          public Optional<UUID> store(
              String configuration, NotificationItem item, Optional<Boolean> live) {
            String key = PspNotification.dedupeKey(configuration, item);
            if (storedByTwin.contains(key)) {
              throw new IllegalStateException("unique constraint psp_notification_once");
            }
            return stored.add(key) ? Optional.of(UUID.randomUUID()) : Optional.empty();
          }

          @Override
          public boolean holds(String configuration, NotificationItem item) {
            String key = PspNotification.dedupeKey(configuration, item);
            return stored.contains(key) || storedByTwin.contains(key);
          }

          @Override
          public void auditRejected(String configuration, String summary) {
            audited.add(summary);
          }
        });
    return notifications;
  }

  private static void inject(Object target, String name, Object value) throws Exception {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
