package io.tonewall.session.domain;

import java.util.Optional;

/**
 * Checks one audit chain entry by entry, in sequence order, so that a long chain can be read page
 * by page: {@link #accept} each entry, then {@link #result} against the chain's head. Detects a
 * changed entry (its hash no longer matches), a deleted entry (a gap in the sequence, or a
 * previous-hash that does not match), an entry moved from another chain, and entries deleted from
 * the end (the head is ahead).
 */
public final class AuditChainVerifier {

  private final int chain;
  private long expectedSequence = 1;
  private String runningHash = AuditEntry.GENESIS;
  private long checked;
  private Optional<AuditVerification> broken = Optional.empty();

  /** A verifier of chain {@code chain}. */
  public AuditChainVerifier(int chain) {
    this.chain = AuditChainHead.checkedChain(chain);
  }

  /**
   * Checks the next entry.
   *
   * @return false once the chain is broken (reading further is useless)
   */
  public boolean accept(AuditEntry entry) {
    if (broken.isPresent()) {
      return false;
    }
    checked++;
    if (entry.chain() != chain) {
      return fail(entry.sequence(), "entry " + entry.sequence() + " belongs to another chain");
    }
    if (entry.sequence() != expectedSequence) {
      return fail(
          expectedSequence,
          entry.sequence() > expectedSequence
              ? "entry " + expectedSequence + " is missing"
              : "entry " + entry.sequence() + " is out of order");
    }
    if (!entry.previousHash().equals(runningHash)) {
      return fail(
          entry.sequence(),
          "entry " + entry.sequence() + " does not follow entry " + (entry.sequence() - 1));
    }
    if (!entry.computeHash().equals(entry.entryHash())) {
      return fail(entry.sequence(), "entry " + entry.sequence() + " was changed");
    }
    runningHash = entry.entryHash();
    expectedSequence++;
    return true;
  }

  private boolean fail(long at, String problem) {
    broken = Optional.of(AuditVerification.broken(checked, chain, at, problem));
    return false;
  }

  /** The verdict after the last entry, compared with the chain's head. */
  public AuditVerification result(AuditChainHead head) {
    if (head.chain() != chain) {
      throw new IllegalArgumentException("the head of chain " + head.chain() + " is not " + chain);
    }
    if (broken.isPresent()) {
      return broken.get();
    }
    long last = expectedSequence - 1;
    if (head.lastSequence() > last) {
      return AuditVerification.broken(
          checked,
          chain,
          last + 1,
          "entries " + (last + 1) + " to " + head.lastSequence() + " are missing");
    }
    if (head.lastSequence() != last || !head.lastHash().equals(runningHash)) {
      return AuditVerification.broken(
          checked, chain, last, "the chain's head does not match entry " + last);
    }
    return AuditVerification.intact(checked);
  }
}
