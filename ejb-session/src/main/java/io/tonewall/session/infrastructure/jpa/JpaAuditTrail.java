package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.AuditChainHead;
import io.tonewall.session.domain.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Appends to the hash-chained audit trail and reads it back. Appending locks the chain's head row
 * ({@code SELECT ... FOR UPDATE}) until the caller's transaction ends, so entries are chained in
 * commit order on every node sharing the database. Entries are never updated or deleted.
 */
@Stateless
public class JpaAuditTrail {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  /** Appends an entry inside the caller's transaction. */
  public AuditEntry append(Optional<UUID> sessionId, String eventType, String detail, Instant now) {
    AuditChainHead head =
        entityManager.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw new IllegalStateException("the audit chain's head row is missing (see V6 migration)");
    }
    AuditEntry entry = head.append(sessionId, eventType, detail, now);
    entityManager.persist(entry);
    return entry;
  }

  /** The chain's head as stored now. */
  public AuditChainHead head() {
    AuditChainHead head = entityManager.find(AuditChainHead.class, AuditChainHead.ID);
    if (head == null) {
      throw new IllegalStateException("the audit chain's head row is missing (see V6 migration)");
    }
    entityManager.refresh(head);
    return head;
  }

  /** Up to {@code size} entries after {@code afterSequence}, in sequence order. */
  public List<AuditEntry> after(long afterSequence, int size) {
    return entityManager
        .createQuery(
            "SELECT e FROM AuditEntry e WHERE e.sequence > :after ORDER BY e.sequence",
            AuditEntry.class)
        .setParameter("after", afterSequence)
        .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
        .setHint("eclipselink.refresh", "true")
        .setMaxResults(size)
        .getResultList();
  }

  /** A session's entries, in sequence order. */
  public List<AuditEntry> ofSession(UUID sessionId) {
    return entityManager
        .createQuery(
            "SELECT e FROM AuditEntry e WHERE e.sessionId = :session ORDER BY e.sequence",
            AuditEntry.class)
        .setParameter("session", sessionId.toString())
        .getResultList();
  }
}
