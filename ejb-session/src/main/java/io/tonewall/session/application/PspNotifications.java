package io.tonewall.session.application;

import io.tonewall.session.infrastructure.jca.PspGateway;
import io.tonewall.session.notification.ItemVerdict;
import io.tonewall.session.notification.NotificationItem;
import io.tonewall.session.notification.NotificationReceipt;
import io.tonewall.session.notification.NotificationSenderRefusedException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives PSP notifications (Adyen's standard webhooks) for a PSP configuration: checks the
 * sender's HTTP Basic credentials and each item's HMAC signature with the PSP adapter (which keeps
 * the secrets), stores every authentic item before the notification is acknowledged — each in its
 * own transaction, once however often it is sent —, audits rejected items without storing or acting
 * on them, then applies the stored items ({@link NotificationInbox#apply}). An item whose applying
 * fails stays {@code RECEIVED} and is applied by {@link NotificationRetries}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PspNotifications {

  private static final Logger LOG = Logger.getLogger(PspNotifications.class.getName());

  @EJB private PspGateway psp;

  @EJB private NotificationInbox inbox;

  /**
   * Lets the sender of a notification in, before its body is read.
   *
   * @throws NotificationSenderRefusedException when the configuration asks for HTTP Basic
   *     credentials and these are not them
   * @throws io.tonewall.session.notification.PspNotificationsDisabledException when the
   *     configuration receives no notifications
   */
  public void admit(String configuration, Optional<String> username, Optional<String> password) {
    if (!psp.notificationSenderAccepted(configuration, username, password)) {
      throw new NotificationSenderRefusedException(configuration);
    }
  }

  /**
   * Checks and stores the items of a notification whose sender was {@linkplain #admit admitted}.
   *
   * @throws io.tonewall.session.notification.PspNotificationsDisabledException when the
   *     configuration receives no notifications
   */
  public NotificationReceipt receive(
      String configuration, Optional<Boolean> live, List<NotificationItem> items) {
    List<UUID> stored = new ArrayList<>();
    int duplicates = 0;
    Map<ItemVerdict, Integer> rejected = new EnumMap<>(ItemVerdict.class);
    TreeSet<String> rejectedEvents = new TreeSet<>();
    for (NotificationItem item : items) {
      ItemVerdict verdict = psp.notificationAuthenticity(configuration, item);
      if (verdict != ItemVerdict.AUTHENTIC) {
        rejected.merge(verdict, 1, Integer::sum);
        rejectedEvents.add(item.eventCode());
        continue;
      }
      Optional<UUID> id = store(configuration, item, live);
      if (id.isPresent()) {
        stored.add(id.get());
      } else {
        duplicates++;
      }
    }
    int rejectedCount = rejected.values().stream().mapToInt(Integer::intValue).sum();
    if (rejectedCount > 0) {
      String summary = "items=" + rejectedCount + " " + rejected + " events=" + rejectedEvents;
      inbox.auditRejected(configuration, summary);
      LOG.warning(
          () ->
              "PSP notification for '"
                  + configuration
                  + "': "
                  + summary
                  + " rejected (not signed with its notificationHmacKey or not of its"
                  + " merchantAccount), neither stored nor acted on");
    }
    return new NotificationReceipt(stored, duplicates, rejectedCount);
  }

  /**
   * Applies stored items now, each in its own transaction; one that fails is logged (by id) and
   * left for {@link NotificationRetries}.
   */
  public void apply(List<UUID> ids) {
    for (UUID id : ids) {
      try {
        inbox.apply(id);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "PSP notification " + id + " not applied now; it is retried in the background",
            e);
      }
    }
  }

  private Optional<UUID> store(
      String configuration, NotificationItem item, Optional<Boolean> live) {
    try {
      return inbox.store(configuration, item, live);
    } catch (RuntimeException e) {
      // A twin request may have stored the same item between the look-up and the insert.
      if (inbox.holds(configuration, item)) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
