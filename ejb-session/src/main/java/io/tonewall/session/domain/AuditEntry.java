package io.tonewall.session.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the append-only, hash-chained audit trail: what happened to which session, when.
 * Each entry stores SHA-256 over the previous entry's hash in its chain and its own canonical form
 * (see {@link #canonical()}), so that changing or deleting an entry breaks the chain at that point.
 * The trail is several chains side by side (see {@link AuditChainHead}); an entry is named by its
 * chain and its sequence number there. Entries hold no card data: event types and details are
 * written from masked facts only.
 */
@Entity
@Cacheable(false)
@Table(name = "audit_entry")
@IdClass(AuditEntryKey.class)
public class AuditEntry {

  /** The hash the first entry follows: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /** Longest detail kept. */
  public static final int MAX_DETAIL = 1000;

  @Id
  @Column(name = "chain_id", nullable = false, updatable = false)
  private int chain;

  @Id
  @Column(name = "sequence_number", nullable = false, updatable = false)
  private long sequence;

  @Column(name = "session_id", updatable = false, length = 36)
  private String sessionId;

  @Column(name = "event_type", nullable = false, updatable = false, length = 64)
  private String eventType;

  @Column(name = "detail", nullable = false, updatable = false, length = MAX_DETAIL)
  private String detail;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "previous_hash", nullable = false, updatable = false, length = 64)
  private String previousHash;

  @Column(name = "entry_hash", nullable = false, updatable = false, length = 64)
  private String entryHash;

  protected AuditEntry() {
    // for JPA
  }

  /** Builds an entry as it was read back (for verification and tests). */
  public AuditEntry(
      int chain,
      long sequence,
      Optional<UUID> sessionId,
      String eventType,
      String detail,
      Instant occurredAt,
      String previousHash,
      String entryHash) {
    this.chain = AuditChainHead.checkedChain(chain);
    this.sequence = sequence;
    this.sessionId = sessionId.map(UUID::toString).orElse(null);
    this.eventType = Objects.requireNonNull(eventType, "eventType");
    this.detail = Objects.requireNonNull(detail, "detail");
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.previousHash = Objects.requireNonNull(previousHash, "previousHash");
    this.entryHash = Objects.requireNonNull(entryHash, "entryHash");
  }

  /**
   * The entry that follows {@code previousHash} at {@code sequence} of {@code chain}. The time is
   * kept to the millisecond, which every supported database stores exactly.
   *
   * @throws InvalidSessionInputException when the event type or detail is empty or too long
   */
  public static AuditEntry append(
      int chain,
      long sequence,
      String previousHash,
      Optional<UUID> sessionId,
      String eventType,
      String detail,
      Instant now) {
    if (eventType == null || !eventType.matches("[a-z][a-z0-9_.]{0,63}")) {
      throw new InvalidSessionInputException("audit event type must be 1-64 of [a-z0-9_.]");
    }
    if (detail == null || detail.length() > MAX_DETAIL) {
      throw new InvalidSessionInputException("audit detail must be at most 1000 characters");
    }
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    AuditEntry entry =
        new AuditEntry(chain, sequence, sessionId, eventType, detail, at, previousHash, "");
    entry.entryHash = entry.computeHash();
    return entry;
  }

  /**
   * The canonical form that is hashed: sequence, time (ISO-8601, UTC), session id (or {@code -}),
   * event type and detail, one per line, each line's backslashes and line breaks escaped. The chain
   * is not part of it: an entry is bound to its chain by the previous hash it follows.
   */
  public String canonical() {
    return sequence
        + "\n"
        + occurredAt
        + "\n"
        + (sessionId == null ? "-" : sessionId)
        + "\n"
        + escape(eventType)
        + "\n"
        + escape(detail);
  }

  /** SHA-256 over previous hash, a line break and {@link #canonical()}, as lower-case hex. */
  public String computeHash() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      sha256.update((byte) '\n');
      sha256.update(canonical().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  public int chain() {
    return chain;
  }

  public long sequence() {
    return sequence;
  }

  public Optional<UUID> sessionId() {
    return Optional.ofNullable(sessionId).map(UUID::fromString);
  }

  public String eventType() {
    return eventType;
  }

  public String detail() {
    return detail;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String previousHash() {
    return previousHash;
  }

  public String entryHash() {
    return entryHash;
  }
}
