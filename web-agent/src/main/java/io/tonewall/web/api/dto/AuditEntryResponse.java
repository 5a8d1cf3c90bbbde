package io.tonewall.web.api.dto;

import io.tonewall.session.domain.AuditEntry;

/**
 * One entry of the audit trail: its place (chain and sequence there), what happened and the hashes
 * that chain it (SHA-256 over the previous hash and the entry's canonical form).
 */
public record AuditEntryResponse(
    int chain,
    long sequence,
    String eventType,
    String detail,
    String occurredAt,
    String previousHash,
    String entryHash) {

  public static AuditEntryResponse of(AuditEntry entry) {
    return new AuditEntryResponse(
        entry.chain(),
        entry.sequence(),
        entry.eventType(),
        entry.detail(),
        entry.occurredAt().toString(),
        entry.previousHash(),
        entry.entryHash());
  }
}
