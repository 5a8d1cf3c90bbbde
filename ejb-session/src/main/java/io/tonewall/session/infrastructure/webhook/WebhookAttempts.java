package io.tonewall.session.infrastructure.webhook;

import io.tonewall.session.webhook.DeliveryState;
import io.tonewall.session.webhook.RetrySchedule;
import io.tonewall.session.webhook.WebhookDelivery;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads due deliveries and records attempts, each in a transaction of its own. */
@Stateless
public class WebhookAttempts {

  @EJB private JpaWebhookRepository repository;

  @Inject private RetrySchedule schedule;

  /** Pending deliveries due at {@code now}, with where and how to send them. */
  public List<DueDelivery> due(Instant now, int limit) {
    return repository.due(now, limit).stream().flatMap(d -> due(d).stream()).toList();
  }

  /**
   * Records an attempt on a delivery still pending; one replayed or removed meanwhile is left as it
   * is.
   */
  public void record(String deliveryId, DeliveryAttempt attempt, Instant now) {
    Optional<WebhookDelivery> pending =
        repository.delivery(deliveryId).filter(d -> d.state() == DeliveryState.PENDING);
    pending.ifPresent(
        delivery -> {
          if (attempt.succeeded()) {
            delivery.succeeded(now, attempt.outcome());
          } else {
            delivery.failed(now, attempt.outcome(), schedule);
          }
        });
  }

  private Optional<DueDelivery> due(WebhookDelivery delivery) {
    return repository
        .subscription(delivery.subscriptionId())
        .map(
            s ->
                new DueDelivery(
                    delivery.id(), delivery.eventId(), delivery.payload(), s.url(), s.secret()));
  }
}
