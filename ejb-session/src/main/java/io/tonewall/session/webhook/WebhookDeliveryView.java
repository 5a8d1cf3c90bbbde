package io.tonewall.session.webhook;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** A webhook delivery as its client sees it. */
public record WebhookDeliveryView(
    String id,
    String subscriptionId,
    String eventId,
    String eventType,
    DeliveryState state,
    int attempts,
    Optional<Instant> nextAttemptAt,
    Optional<String> lastOutcome,
    Instant createdAt)
    implements Serializable {

  static WebhookDeliveryView of(WebhookDelivery delivery) {
    return new WebhookDeliveryView(
        delivery.id(),
        delivery.subscriptionId(),
        delivery.eventId(),
        delivery.eventType(),
        delivery.state(),
        delivery.attempts(),
        delivery.nextAttemptAt(),
        delivery.lastOutcome(),
        delivery.createdAt());
  }
}
