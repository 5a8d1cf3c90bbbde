package io.tonewall.session.infrastructure.webhook;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Every two seconds, sends the outbox deliveries that are due, one by one, outside any transaction,
 * and records each attempt in a transaction of its own. A tick that finds the previous one still
 * running does nothing. Delivery is at least once: receivers dedupe on the event id.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
  private static final int BATCH = 50;

  @EJB private WebhookAttempts attempts;

  @Inject private Clock clock;

  private final HttpWebhookSender sender = new HttpWebhookSender();
  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void sendDue() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      for (DueDelivery due : attempts.due(clock.instant(), BATCH)) {
        DeliveryAttempt attempt =
            sender.send(
                due.url(),
                due.secret(),
                due.eventId(),
                due.deliveryId(),
                due.payload(),
                clock.instant());
        attempts.record(due.deliveryId(), attempt, clock.instant());
        if (!attempt.succeeded()) {
          LOG.info(() -> "webhook delivery " + due.deliveryId() + " failed: " + attempt.outcome());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      running.set(false);
    }
  }
}
