package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456789Z");
  private static final UUID SESSION = UUID.fromString("6f1c5e2a-3b4d-4c5e-8f9a-0b1c2d3e4f50");

  private static final int CHAIN = AuditChainHead.chainOf(Optional.of(SESSION));

  private final AuditChainHead head = new AuditChainHead(CHAIN, 0, AuditEntry.GENESIS);

  private List<AuditEntry> chainOf(int entries) {
    List<AuditEntry> chain = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      chain.add(head.append(Optional.of(SESSION), "session.created", "amount=" + i + " GBP", NOW));
    }
    return chain;
  }

  private AuditVerification verify(List<AuditEntry> entries) {
    AuditChainVerifier verifier = new AuditChainVerifier(CHAIN);
    entries.forEach(verifier::accept);
    return verifier.result(head);
  }

  /** The same entry with one column changed, as a tampered row would read back. */
  private static AuditEntry withDetail(AuditEntry entry, String detail) {
    return new AuditEntry(
        entry.chain(),
        entry.sequence(),
        entry.sessionId(),
        entry.eventType(),
        detail,
        entry.occurredAt(),
        entry.previousHash(),
        entry.entryHash());
  }

  @Test
  void intactChain_verifies() {
    // given
    List<AuditEntry> chain = chainOf(5);

    // when
    AuditVerification result = verify(chain);

    // then
    assertThat(result.intact(), is(true));
    assertThat(result.entriesChecked(), is(5L));
    assertThat(chain.get(1).previousHash(), is(chain.get(0).entryHash()));
    assertThat(chain.get(0).previousHash(), is(AuditEntry.GENESIS));
  }

  @Test
  void detectsChangedRow() {
    // given
    List<AuditEntry> chain = chainOf(5);
    chain.set(2, withDetail(chain.get(2), "amount=999 GBP"));

    // when
    AuditVerification result = verify(chain);

    // then
    assertThat(result.intact(), is(false));
    assertThat(result.brokenAt(), is(Optional.of(3L)));
    assertThat(result.problem(), is(Optional.of("entry 3 was changed")));
  }

  @Test
  void detectsDeletedRow() {
    // given
    List<AuditEntry> chain = chainOf(5);
    chain.remove(1);

    // when
    AuditVerification result = verify(chain);

    // then
    assertThat(result.intact(), is(false));
    assertThat(result.brokenAt(), is(Optional.of(2L)));
    assertThat(result.problem(), is(Optional.of("entry 2 is missing")));
  }

  @Test
  void detectsRowsDeletedFromTheEnd() {
    // given
    List<AuditEntry> chain = chainOf(5);

    // when
    AuditVerification result = verify(chain.subList(0, 3));

    // then
    assertThat(result.intact(), is(false));
    assertThat(result.problem(), is(Optional.of("entries 4 to 5 are missing")));
  }

  @Test
  void detectsRowRehashedAfterChange_byTheNextEntry() {
    // given: an attacker changes entry 2 and recomputes its own hash
    List<AuditEntry> chain = chainOf(4);
    AuditEntry original = chain.get(1);
    AuditEntry forged =
        AuditEntry.append(
            original.chain(),
            original.sequence(),
            original.previousHash(),
            original.sessionId(),
            original.eventType(),
            "amount=0 GBP",
            original.occurredAt());
    chain.set(1, forged);

    // when
    AuditVerification result = verify(chain);

    // then
    assertThat(forged.entryHash(), is(not(original.entryHash())));
    assertThat(result.problem(), is(Optional.of("entry 3 does not follow entry 2")));
  }

  @Test
  void detectsAnEntryMovedInFromAnotherChain() {
    // given: entry 2 replaced by the entry 2 of another chain
    List<AuditEntry> chain = chainOf(3);
    int otherChain = CHAIN % AuditChainHead.CHAINS + 1;
    AuditChainHead other = new AuditChainHead(otherChain, 1, chain.get(0).entryHash());
    chain.set(1, other.append(Optional.empty(), "client.created", "id=other", NOW));

    // when
    AuditVerification result = verify(chain);

    // then
    assertThat(result.intact(), is(false));
    assertThat(result.brokenChain(), is(Optional.of(CHAIN)));
    assertThat(result.problem(), is(Optional.of("entry 2 belongs to another chain")));
  }

  @Test
  void putsEverySessionsEntriesInOneChain_andSpreadsSessionsOverAllChains() {
    // given
    Set<Integer> used = new HashSet<>();
    Random random = new Random(7);

    // when
    for (int i = 0; i < 2000; i++) {
      UUID session = new UUID(random.nextLong(), random.nextLong());
      int chain = AuditChainHead.chainOf(Optional.of(session));
      assertThat(AuditChainHead.chainOf(Optional.of(session)), is(chain));
      used.add(chain);
    }

    // then
    assertThat(used.size(), is(AuditChainHead.CHAINS));
    assertThat(AuditChainHead.chainOf(Optional.empty()), is(AuditChainHead.SYSTEM_CHAIN));
  }

  @Test
  void refusesAChainNumberOutsideTheTrail() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AuditChainHead(AuditChainHead.CHAINS + 1, 0, AuditEntry.GENESIS));
  }

  @Test
  void keepsTimeToTheMillisecond_soThatStoredEntriesVerify() {
    // when
    AuditEntry entry = chainOf(1).get(0);

    // then
    assertThat(entry.occurredAt(), is(Instant.parse("2026-11-22T10:00:00.123Z")));
  }
}
