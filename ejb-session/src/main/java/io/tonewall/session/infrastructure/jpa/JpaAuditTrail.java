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
 * Appends to the hash-chained audit trail and reads it back. Appending locks the head row of the
 * session's chain ({@code SELECT ... FOR UPDATE}) until the caller's transaction ends, so a chain's
 * entries are chained in commit order on every node sharing the database, while sessions on other
 * chains go on in parallel. Entries are never updated or deleted.
 */
@Stateless
public class JpaAuditTrail {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  /** Appends an entry inside the caller's transaction. */
  public AuditEntry append(Optional<UUID> sessionId, String eventType, String detail, Instant now) {
    int chain = AuditChainHead.chainOf(sessionId);
    AuditChainHead head =
        entityManager.find(AuditChainHead.class, chain, LockModeType.PESSIMISTIC_WRITE);
    if (head == null) {
      throw missingHead(chain);
    }
    AuditEntry entry = head.append(sessionId, eventType, detail, now);
    entityManager.persist(entry);
    return entry;
  }

  private static IllegalStateException missingHead(int chain) {
    return new IllegalStateException(
        "the head row of audit chain " + chain + " is missing (see migrations V6 and V23)");
  }

  /** A chain's head as stored now. */
  public AuditChainHead head(int chain) {
    AuditChainHead head = entityManager.find(AuditChainHead.class, chain);
    if (head == null) {
      throw missingHead(chain);
    }
    entityManager.refresh(head);
    return head;
  }

  /** Up to {@code size} entries of a chain after {@code afterSequence}, in sequence order. */
  public List<AuditEntry> after(int chain, long afterSequence, int size) {
    return entityManager
        .createQuery(
            "SELECT e FROM AuditEntry e WHERE e.chain = :chain AND e.sequence > :after"
                + " ORDER BY e.sequence",
            AuditEntry.class)
        .setParameter("chain", chain)
        .setParameter("after", afterSequence)
        .setHint("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)
        .setHint("eclipselink.refresh", "true")
        .setMaxResults(size)
        .getResultList();
  }

  /** Part of a session's entries, in sequence order: at most {@code limit} after {@code offset}. */
  public List<AuditEntry> ofSession(UUID sessionId, int offset, int limit) {
    return entityManager
        .createQuery(
            "SELECT e FROM AuditEntry e WHERE e.sessionId = :session ORDER BY e.chain, e.sequence",
            AuditEntry.class)
        .setParameter("session", sessionId.toString())
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /** A session's entries, in sequence order. */
  public List<AuditEntry> ofSession(UUID sessionId) {
    return entityManager
        .createQuery(
            "SELECT e FROM AuditEntry e WHERE e.sessionId = :session ORDER BY e.chain, e.sequence",
            AuditEntry.class)
        .setParameter("session", sessionId.toString())
        .getResultList();
  }
}
