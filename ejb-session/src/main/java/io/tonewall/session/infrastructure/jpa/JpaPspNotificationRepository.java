package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.notification.NotificationState;
import io.tonewall.session.notification.PspNotification;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores PSP notification items and finds them by id, by dedupe key, and those not applied yet. */
@Stateless
public class JpaPspNotificationRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  /** Stores a new item and writes it now, so that a duplicate fails here rather than at commit. */
  public void add(PspNotification notification) {
    entityManager.persist(notification);
    entityManager.flush();
  }

  public Optional<PspNotification> find(UUID id) {
    return Optional.ofNullable(entityManager.find(PspNotification.class, id.toString()));
  }

  /** Whether an item with this dedupe key is stored. */
  public boolean holds(String dedupeKey) {
    return !entityManager
        .createQuery("SELECT n.id FROM PspNotification n WHERE n.dedupeKey = :key", String.class)
        .setParameter("key", dedupeKey)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** Ids of items still {@code RECEIVED} that arrived before {@code before}, oldest first. */
  public List<UUID> receivedBefore(Instant before, int max) {
    return entityManager
        .createQuery(
            "SELECT n.id FROM PspNotification n WHERE n.state = :state AND n.receivedAt < :before"
                + " ORDER BY n.receivedAt, n.id",
            String.class)
        .setParameter("state", NotificationState.RECEIVED)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UUID::fromString)
        .toList();
  }
}
