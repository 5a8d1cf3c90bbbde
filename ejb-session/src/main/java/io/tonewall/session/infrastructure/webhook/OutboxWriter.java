package io.tonewall.session.infrastructure.webhook;

import io.tonewall.session.application.SessionChanged;
import io.tonewall.session.webhook.WebhookDelivery;
import io.tonewall.session.webhook.WebhookEvent;
import io.tonewall.session.webhook.WebhookSubscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Writes one outbox delivery per subscription of the session's API client, in the transaction that
 * changed the session (a synchronous observer, {@code MANDATORY}): the change and its webhooks
 * commit or roll back together.
 */
@Stateless
public class OutboxWriter {

  @EJB private JpaWebhookRepository repository;

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(@Observes SessionChanged change) {
    if (change.apiClientId().isEmpty()) {
      return;
    }
    List<WebhookSubscription> subscriptions =
        repository.subscriptionsOf(change.apiClientId().get());
    if (subscriptions.isEmpty()) {
      return;
    }
    WebhookEvent event = WebhookEvent.of(change);
    for (WebhookSubscription subscription : subscriptions) {
      repository.add(WebhookDelivery.pending(subscription.id(), event, change.occurredAt()));
    }
  }
}
