package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.session.infrastructure.jpa.JpaPspNotificationRepository;
import io.tonewall.session.notification.NotificationEffect;
import io.tonewall.session.notification.NotificationItem;
import io.tonewall.session.notification.NotificationState;
import io.tonewall.session.notification.PspNotification;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link NotificationInbox#apply}: a stored item is applied once — the action its event asks for,
 * recorded on the item — and applying it again (the background retry meeting the request, or a
 * resend) does nothing.
 */
class NotificationInboxTest {

  private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

  private final List<String> applied = new ArrayList<>();

  private static PspNotification stored(String eventCode, String success) {
    return PspNotification.received(
        "adyen-eu",
        new NotificationItem(
            "QFQTPCQ8HXSKGK82",
            "V4HZ4RBFJGXXGN82",
            "TonewallMOTO",
            "sale-1.r1",
            "400",
            "GBP",
            eventCode,
            success,
            Optional.empty(),
            "c2ln"),
        Optional.empty(),
        NOW.minusSeconds(5));
  }

  @Test
  void appliesARefundNotificationOnce() throws Exception {
    PspNotification notification = stored("REFUND_FAILED", "true");
    NotificationInbox inbox = inbox(notification);

    NotificationState first = inbox.apply(notification.id());
    NotificationState again = inbox.apply(notification.id());

    assertThat(first, is(NotificationState.APPLIED));
    assertThat(again, is(NotificationState.APPLIED));
    assertThat(applied, is(List.of("refund REFUND_FAILED")));
    assertThat(notification.processedAt(), is(Optional.of(NOW)));
    assertThat(notification.effect(), is(Optional.of("refund x failed")));
  }

  @Test
  void auditsACaptureFailure() throws Exception {
    PspNotification notification = stored("CAPTURE_FAILED", "true");

    NotificationState state = inbox(notification).apply(notification.id());

    assertThat(state, is(NotificationState.APPLIED));
    assertThat(applied, is(List.of("capture CAPTURE_FAILED")));
  }

  @Test
  void recordsAnEventItDoesNotActOnAsNoEffect() throws Exception {
    PspNotification notification = stored("CHARGEBACK", "true");

    NotificationState state = inbox(notification).apply(notification.id());

    assertThat(state, is(NotificationState.NO_EFFECT));
    assertThat(applied, is(List.of()));
    assertThat(notification.effect(), is(Optional.of("event CHARGEBACK is not acted on")));
  }

  private NotificationInbox inbox(PspNotification notification) throws Exception {
    NotificationInbox inbox = new NotificationInbox();
    inject(
        inbox,
        "notifications",
        new JpaPspNotificationRepository() {
          @Override
          public Optional<PspNotification> find(UUID id) {
            return Optional.of(notification).filter(n -> n.id().equals(id));
          }
        });
    inject(
        inbox,
        "transactions",
        new Transactions() {
          @Override
          public NotificationEffect applyRefundNotification(PspNotification item) {
            applied.add("refund " + item.eventCode());
            return NotificationEffect.applied("refund x failed");
          }

          @Override
          public NotificationEffect applyCaptureFailure(PspNotification item) {
            applied.add("capture " + item.eventCode());
            return NotificationEffect.applied("capture of x failed: audited");
          }
        });
    inject(inbox, "clock", Clock.fixed(NOW, ZoneOffset.UTC));
    return inbox;
  }

  private static void inject(Object target, String name, Object value) throws Exception {
    Field field = NotificationInbox.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
