package io.tonewall.session.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking the audit trail (or one of its chains).
 *
 * @param intact true when every entry is present, unchanged and in order
 * @param entriesChecked how many entries were read
 * @param brokenChain the chain that breaks
 * @param brokenAt the sequence number in that chain where it first breaks
 * @param problem what is wrong there, e.g. {@code entry 7 was changed}
 */
public record AuditVerification(
    boolean intact,
    long entriesChecked,
    Optional<Integer> brokenChain,
    Optional<Long> brokenAt,
    Optional<String> problem) {

  public AuditVerification {
    Objects.requireNonNull(brokenChain, "brokenChain");
    Objects.requireNonNull(brokenAt, "brokenAt");
    Objects.requireNonNull(problem, "problem");
  }

  /** Every one of {@code checked} entries is in place. */
  public static AuditVerification intact(long checked) {
    return new AuditVerification(
        true, checked, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static AuditVerification broken(long checked, int chain, long at, String problem) {
    return new AuditVerification(
        false, checked, Optional.of(chain), Optional.of(at), Optional.of(problem));
  }

  /** The same verdict, counting also the entries of the chains checked before this one. */
  public AuditVerification afterEarlierChains(long entriesCheckedBefore) {
    return new AuditVerification(
        intact, entriesCheckedBefore + entriesChecked, brokenChain, brokenAt, problem);
  }
}
