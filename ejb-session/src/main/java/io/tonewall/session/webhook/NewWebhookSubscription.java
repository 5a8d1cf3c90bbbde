package io.tonewall.session.webhook;

/**
 * A subscription just created, with its signing secret: the only time the secret is shown.
 *
 * @param subscription the subscription as listed
 * @param secret the signing secret ({@code whsec_...})
 */
public record NewWebhookSubscription(WebhookSubscriptionView subscription, String secret) {

  @Override
  public String toString() {
    return "NewWebhookSubscription[" + subscription + ", secret=…]";
  }
}
