package io.tonewall.web.api.webhook;

import io.tonewall.session.webhook.NewWebhookSubscription;
import io.tonewall.session.webhook.WebhookDeliveryView;
import io.tonewall.session.webhook.WebhookSubscriptionView;

/** JSON shapes of the webhook resources. */
public final class WebhookDtos {

  private WebhookDtos() {}

  /** Body of {@code POST /api/v1/webhooks}. */
  public record SubscribeRequest(String url) {}

  /** A subscription as listed: never its secret. */
  public record Subscription(String id, String url, String createdAt) {

    static Subscription of(WebhookSubscriptionView view) {
      return new Subscription(view.id(), view.url(), view.createdAt().toString());
    }
  }

  /** The answer to a subscribe: the only time the signing secret is shown. */
  public record CreatedSubscription(String id, String url, String createdAt, String secret) {

    static CreatedSubscription of(NewWebhookSubscription created) {
      WebhookSubscriptionView view = created.subscription();
      return new CreatedSubscription(
          view.id(), view.url(), view.createdAt().toString(), created.secret());
    }

    @Override
    public String toString() {
      return "CreatedSubscription[" + id + ", secret=…]";
    }
  }

  /** A delivery of an event to a subscription. */
  public record Delivery(
      String id,
      String subscriptionId,
      String eventId,
      String eventType,
      String state,
      int attempts,
      String nextAttemptAt,
      String lastOutcome,
      String createdAt) {

    static Delivery of(WebhookDeliveryView view) {
      return new Delivery(
          view.id(),
          view.subscriptionId(),
          view.eventId(),
          view.eventType(),
          view.state().name(),
          view.attempts(),
          view.nextAttemptAt().map(Object::toString).orElse(null),
          view.lastOutcome().orElse(null),
          view.createdAt().toString());
    }
  }
}
