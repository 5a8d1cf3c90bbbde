package io.tonewall.session.webhook;

import io.tonewall.session.infrastructure.webhook.JpaWebhookRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Webhook use cases for the API: subscribe, list, unsubscribe, list deliveries, replay one. Every
 * call is scoped to one API client; another client's subscriptions and deliveries do not exist for
 * it.
 */
@Stateless
public class Webhooks {

  private static final int MAX_SUBSCRIPTIONS = 10;

  @EJB private JpaWebhookRepository repository;

  @Inject private Clock clock;

  /**
   * Subscribes the client to webhooks sent to {@code url}.
   *
   * @throws InvalidWebhookUrlException when the URL is not an absolute http(s) URL, or the client
   *     already has {@value #MAX_SUBSCRIPTIONS} subscriptions
   */
  public NewWebhookSubscription subscribe(String apiClientId, String url) {
    if (repository.subscriptionsOf(apiClientId).size() >= MAX_SUBSCRIPTIONS) {
      throw new InvalidWebhookUrlException(
          "at most " + MAX_SUBSCRIPTIONS + " webhook subscriptions per API client");
    }
    WebhookSubscription subscription =
        WebhookSubscription.create(apiClientId, url, clock.instant());
    repository.add(subscription);
    return new NewWebhookSubscription(
        WebhookSubscriptionView.of(subscription), subscription.secret());
  }

  public List<WebhookSubscriptionView> subscriptions(String apiClientId) {
    return repository.subscriptionsOf(apiClientId).stream()
        .map(WebhookSubscriptionView::of)
        .toList();
  }

  /**
   * Removes a subscription and its pending deliveries.
   *
   * @throws WebhookNotFoundException when the client has no subscription with this id
   */
  public void unsubscribe(String apiClientId, String subscriptionId) {
    repository.remove(owned(apiClientId, subscriptionId));
  }

  /**
   * The client's deliveries, newest first: at most {@code limit} (1-1000) after the first {@code
   * offset}.
   */
  public List<WebhookDeliveryView> deliveries(String apiClientId, int offset, int limit) {
    int bounded = Math.max(1, Math.min(limit, 1000));
    return repository.deliveriesOf(apiClientId, Math.max(0, offset), bounded).stream()
        .map(WebhookDeliveryView::of)
        .toList();
  }

  /**
   * Sends a delivery again, at once, with a fresh set of attempts.
   *
   * @throws WebhookNotFoundException when the client has no delivery with this id
   */
  public WebhookDeliveryView replay(String apiClientId, String deliveryId) {
    WebhookDelivery delivery =
        repository
            .delivery(deliveryId)
            .filter(
                d ->
                    repository
                        .subscription(d.subscriptionId())
                        .filter(s -> s.apiClientId().equals(apiClientId))
                        .isPresent())
            .orElseThrow(() -> new WebhookNotFoundException("webhook delivery", deliveryId));
    delivery.replay(clock.instant());
    return WebhookDeliveryView.of(delivery);
  }

  private WebhookSubscription owned(String apiClientId, String subscriptionId) {
    return repository
        .subscription(subscriptionId)
        .filter(s -> s.apiClientId().equals(apiClientId))
        .orElseThrow(() -> new WebhookNotFoundException("webhook subscription", subscriptionId));
  }
}
