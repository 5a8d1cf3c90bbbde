package io.tonewall.session.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of checking the audit chain.
 *
 * @param intact true when every entry is present, unchanged and in order
 * @param entriesChecked how many entries were read
 * @param brokenAt the sequence number where the chain first breaks
 * @param problem what is wrong there, e.g. {@code entry 7 was changed}
 */
public record AuditVerification(
    boolean intact, long entriesChecked, Optional<Long> brokenAt, Optional<String> problem) {

  public AuditVerification {
    Objects.requireNonNull(brokenAt, "brokenAt");
    Objects.requireNonNull(problem, "problem");
  }

  static AuditVerification intact(long checked) {
    return new AuditVerification(true, checked, Optional.empty(), Optional.empty());
  }

  static AuditVerification broken(long checked, long at, String problem) {
    return new AuditVerification(false, checked, Optional.of(at), Optional.of(problem));
  }
}
