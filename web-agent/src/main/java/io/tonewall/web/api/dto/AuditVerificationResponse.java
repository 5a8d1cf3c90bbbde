package io.tonewall.web.api.dto;

import io.tonewall.session.domain.AuditVerification;

/**
 * The verdict on the audit trail.
 *
 * @param intact every entry present, unchanged and in order
 * @param entriesChecked entries read
 * @param brokenAt sequence number where the chain first breaks, or null
 * @param problem what is wrong there, or null
 */
public record AuditVerificationResponse(
    boolean intact, long entriesChecked, Long brokenAt, String problem) {

  public static AuditVerificationResponse of(AuditVerification verification) {
    return new AuditVerificationResponse(
        verification.intact(),
        verification.entriesChecked(),
        verification.brokenAt().orElse(null),
        verification.problem().orElse(null));
  }
}
