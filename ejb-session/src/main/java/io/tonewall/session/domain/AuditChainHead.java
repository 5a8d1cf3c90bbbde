package io.tonewall.session.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The end of the audit chain: the last entry's sequence and hash, in a single row. Appending locks
 * it, so that entries are chained one after another even when sessions run in parallel; verifying
 * compares the last entry with it, so that deleting entries from the end is detected too.
 */
@Entity
@Cacheable(false)
@Table(name = "audit_chain_head")
public class AuditChainHead {

  /** The id of the single row. */
  public static final int ID = 1;

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private int id;

  @Column(name = "last_sequence", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {
    // for JPA
  }

  /** A head as it was read back (for verification and tests). */
  public AuditChainHead(long lastSequence, String lastHash) {
    this.id = ID;
    this.lastSequence = lastSequence;
    this.lastHash = lastHash;
  }

  /** Appends the next entry after this head and moves the head to it. */
  public AuditEntry append(Optional<UUID> sessionId, String eventType, String detail, Instant now) {
    AuditEntry entry =
        AuditEntry.append(lastSequence + 1, lastHash, sessionId, eventType, detail, now);
    lastSequence = entry.sequence();
    lastHash = entry.entryHash();
    return entry;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public String lastHash() {
    return lastHash;
  }
}
