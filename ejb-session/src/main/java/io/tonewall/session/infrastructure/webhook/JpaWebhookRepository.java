package io.tonewall.session.infrastructure.webhook;

import io.tonewall.session.webhook.DeliveryState;
import io.tonewall.session.webhook.WebhookDelivery;
import io.tonewall.session.webhook.WebhookSubscription;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores and finds webhook subscriptions and deliveries. */
@Stateless
public class JpaWebhookRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(WebhookSubscription subscription) {
    entityManager.persist(subscription);
  }

  public void add(WebhookDelivery delivery) {
    entityManager.persist(delivery);
  }

  public Optional<WebhookSubscription> subscription(String id) {
    return Optional.ofNullable(entityManager.find(WebhookSubscription.class, id));
  }

  /**
   * A client's subscriptions, oldest first. Read without flushing the caller's unit of work first
   * ({@link FlushModeType#COMMIT}): this runs on every session change, subscriptions are never
   * changed in those transactions, and a flush per change costs a database round trip per row
   * written so far instead of one batch at commit.
   */
  public List<WebhookSubscription> subscriptionsOf(String apiClientId) {
    return entityManager
        .createQuery(
            "SELECT s FROM WebhookSubscription s WHERE s.apiClientId = :client"
                + " ORDER BY s.createdAt, s.id",
            WebhookSubscription.class)
        .setParameter("client", apiClientId)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  /** Removes a subscription; its deliveries go with it (ON DELETE CASCADE). */
  public void remove(WebhookSubscription subscription) {
    entityManager
        .createQuery("DELETE FROM WebhookDelivery d WHERE d.subscriptionId = :subscription")
        .setParameter("subscription", subscription.id())
        .executeUpdate();
    entityManager.remove(subscription);
  }

  public Optional<WebhookDelivery> delivery(String id) {
    return Optional.ofNullable(entityManager.find(WebhookDelivery.class, id));
  }

  /** Deliveries to a client's subscriptions, newest first: {@code limit} after {@code offset}. */
  public List<WebhookDelivery> deliveriesOf(String apiClientId, int offset, int limit) {
    return entityManager
        .createQuery(
            "SELECT d FROM WebhookDelivery d, WebhookSubscription s"
                + " WHERE d.subscriptionId = s.id AND s.apiClientId = :client"
                + " ORDER BY d.createdAt DESC, d.id",
            WebhookDelivery.class)
        .setParameter("client", apiClientId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Pending deliveries whose next attempt is due, oldest first. */
  public List<WebhookDelivery> due(Instant now, int limit) {
    return entityManager
        .createQuery(
            "SELECT d FROM WebhookDelivery d WHERE d.state = :pending"
                + " AND d.nextAttemptAt <= :now ORDER BY d.nextAttemptAt, d.id",
            WebhookDelivery.class)
        .setParameter("pending", DeliveryState.PENDING)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }
}
