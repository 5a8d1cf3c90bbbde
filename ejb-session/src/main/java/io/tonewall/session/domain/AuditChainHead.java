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
 * The end of one audit chain: its last entry's sequence and hash. The trail is {@link #CHAINS}
 * chains side by side; a session's entries all go to one chain ({@link #chainOf}), so sessions
 * running in parallel rarely wait for each other. Appending locks the chain's head row, so that a
 * chain's entries follow one another even across nodes; verifying compares each chain's last entry
 * with its head, so that deleting entries from the end is detected too.
 */
@Entity
@Cacheable(false)
@Table(name = "audit_chain_head")
public class AuditChainHead {

  /** How many chains the trail has (rows 1 to CHAINS of {@code audit_chain_head}). */
  public static final int CHAINS = 64;

  /** The chain of entries that belong to no session. */
  public static final int SYSTEM_CHAIN = 1;

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private int chain;

  @Column(name = "last_sequence", nullable = false)
  private long lastSequence;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  protected AuditChainHead() {
    // for JPA
  }

  /** A head as it was read back (for verification and tests). */
  public AuditChainHead(int chain, long lastSequence, String lastHash) {
    this.chain = checkedChain(chain);
    this.lastSequence = lastSequence;
    this.lastHash = lastHash;
  }

  /** The chain an entry of this session (or of no session) goes to: always the same one. */
  public static int chainOf(Optional<UUID> sessionId) {
    return sessionId.map(id -> Math.floorMod(id.hashCode(), CHAINS) + 1).orElse(SYSTEM_CHAIN);
  }

  /**
   * Checks a chain number.
   *
   * @throws IllegalArgumentException when it is not between 1 and {@link #CHAINS}
   */
  public static int checkedChain(int chain) {
    if (chain < 1 || chain > CHAINS) {
      throw new IllegalArgumentException("audit chain must be 1 to " + CHAINS + ", was " + chain);
    }
    return chain;
  }

  /** Appends the next entry after this head and moves the head to it. */
  public AuditEntry append(Optional<UUID> sessionId, String eventType, String detail, Instant now) {
    AuditEntry entry =
        AuditEntry.append(chain, lastSequence + 1, lastHash, sessionId, eventType, detail, now);
    lastSequence = entry.sequence();
    lastHash = entry.entryHash();
    return entry;
  }

  public int chain() {
    return chain;
  }

  public long lastSequence() {
    return lastSequence;
  }

  public String lastHash() {
    return lastHash;
  }
}
