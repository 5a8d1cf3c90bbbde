package io.tonewall.session.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Applies stored PSP notification items that were not applied when they arrived (the server
 * stopped, or applying failed): every 30 s, at most {@value #BATCH} items still {@code RECEIVED}
 * that arrived more than 30 s ago, oldest first, each in its own transaction.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationRetries {

  static final int BATCH = 50;
  private static final Duration EVERY = Duration.ofSeconds(30);

  @EJB private NotificationInbox inbox;

  @EJB private PspNotifications notifications;

  @Resource private TimerService timers;

  @Inject private Clock clock;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(
        EVERY.toMillis(), EVERY.toMillis(), new TimerConfig("psp-notification-retries", false));
  }

  /** One round. */
  @Timeout
  void applyReceived() {
    List<UUID> due = inbox.receivedBefore(clock.instant().minus(EVERY), BATCH);
    notifications.apply(due);
  }
}
