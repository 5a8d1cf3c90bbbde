package io.tonewall.web.api.dto;

import io.tonewall.session.domain.AuditVerification;

/**
 * The verdict on the audit trail.
 *
 * @param intact every entry present, unchanged and in order
 * @param entriesChecked entries read
 * @param brokenChain the chain (1 to 64) that breaks, or null
 * @param brokenAt sequence number in that chain where it first breaks, or null
 * @param problem what is wrong there, or null
 */
public record AuditVerificationResponse(
    boolean intact, long entriesChecked, Integer brokenChain, Long brokenAt, String problem) {

  public static AuditVerificationResponse of(AuditVerification verification) {
    return new AuditVerificationResponse(
        verification.intact(),
        verification.entriesChecked(),
        verification.brokenChain().orElse(null),
        verification.brokenAt().orElse(null),
        verification.problem().orElse(null));
  }
}
