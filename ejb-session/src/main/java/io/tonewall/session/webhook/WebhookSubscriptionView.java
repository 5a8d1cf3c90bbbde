package io.tonewall.session.webhook;

import java.io.Serializable;
import java.time.Instant;

/** A webhook subscription as its client sees it: never its secret. */
public record WebhookSubscriptionView(String id, String url, Instant createdAt)
    implements Serializable {

  static WebhookSubscriptionView of(WebhookSubscription subscription) {
    return new WebhookSubscriptionView(
        subscription.id(), subscription.url().toString(), subscription.createdAt());
  }
}
