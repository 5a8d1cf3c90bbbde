package io.tonewall.session.application;

import io.tonewall.session.infrastructure.jpa.JpaAuditTrail;
import io.tonewall.session.infrastructure.jpa.JpaPspNotificationRepository;
import io.tonewall.session.notification.NotificationEffect;
import io.tonewall.session.notification.NotificationItem;
import io.tonewall.session.notification.NotificationState;
import io.tonewall.session.notification.PspNotification;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored side of PSP notifications, each step in a transaction of its own: storing an authentic
 * item (once: a resent item finds its row), applying a stored one (once: only a {@code RECEIVED}
 * item is applied, and it is {@code APPLIED} or {@code NO_EFFECT} in the same transaction as its
 * effect), and auditing rejected items.
 */
@Stateless
public class NotificationInbox {

  @EJB private JpaPspNotificationRepository notifications;

  @EJB private Transactions transactions;

  @EJB private JpaAuditTrail audit;

  @Inject private Clock clock;

  /**
   * Stores an authentic item, unless the same item is stored already.
   *
   * @return the stored item's id, or empty for an item stored before
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<UUID> store(String configuration, NotificationItem item, Optional<Boolean> live) {
    PspNotification notification =
        PspNotification.received(configuration, item, live, clock.instant());
    if (notifications.holds(notification.dedupeKey())) {
      return Optional.empty();
    }
    notifications.add(notification);
    return Optional.of(notification.id());
  }

  /** Whether the item is stored (after a store that failed: stored meanwhile by a twin request). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean holds(String configuration, NotificationItem item) {
    return notifications.holds(PspNotification.dedupeKey(configuration, item));
  }

  /**
   * Applies a stored item if it is still {@code RECEIVED}: a refund settled or failed, a capture
   * failure audited, or nothing to do; recorded on the item in the same transaction.
   *
   * @return the item's state afterwards
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public NotificationState apply(UUID id) {
    PspNotification notification =
        notifications
            .find(id)
            .orElseThrow(() -> new IllegalArgumentException("no PSP notification " + id));
    if (notification.state() != NotificationState.RECEIVED) {
      return notification.state();
    }
    NotificationEffect effect =
        switch (notification.action()) {
          case REFUND_SUCCEEDED, REFUND_FAILED ->
              transactions.applyRefundNotification(notification);
          case CAPTURE_FAILED -> transactions.applyCaptureFailure(notification);
          case NONE ->
              NotificationEffect.none("event " + notification.eventCode() + " is not acted on");
        };
    notification.processed(effect, clock.instant());
    return notification.state();
  }

  /** Ids of items still {@code RECEIVED} that arrived before {@code before}, oldest first. */
  public List<UUID> receivedBefore(Instant before, int max) {
    return notifications.receivedBefore(before, max);
  }

  /**
   * Audits the items of one notification that were rejected (never stored, never acted on): the
   * configuration, how many, why, and their event codes — nothing else of them.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void auditRejected(String configuration, String summary) {
    audit.append(
        Optional.empty(),
        "psp.notification_rejected",
        "configuration=" + configuration + " " + summary,
        clock.instant());
  }
}
