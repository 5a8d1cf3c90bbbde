package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.testing.TestXid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
  private static final Money AMOUNT = Money.of(1000, "GBP");

  @TempDir Path directory;

  private static TransactionBranch.Authorisation authorisation(String key) {
    return new TransactionBranch.Authorisation(
        "sandbox", IdempotencyKey.of(key), AMOUNT, false, Optional.empty(), Optional.empty());
  }

  private static TransactionBranch preparedBranch(BranchId id, String key) {
    TransactionBranch branch = new TransactionBranch(id, false);
    branch.sent(authorisation(key));
    branch.answered(IdempotencyKey.of(key), Outcome.APPROVED, Optional.of("sbx_1"));
    branch.defer(
        new TransactionBranch.DeferredRequest(
            "sandbox",
            IdempotencyKey.of(key).derived("capture"),
            Operation.CAPTURE,
            "sbx_1",
            Optional.of(AMOUNT)));
    return branch;
  }

  @Test
  void staysSmall_whileFinishedBranchesComeAndGo_andKeepsTheOpenOne() throws Exception {
    // given
    RecoveryLog log = RecoveryLog.open(directory, CLOCK, 4096);
    BranchId open = BranchId.of(new TestXid("open", "b"));
    TransactionBranch prepared = preparedBranch(open, "keep-me");
    log.sent(open, authorisation("keep-me"));
    log.result(open, IdempotencyKey.of("keep-me"), Outcome.APPROVED, Optional.of("sbx_1"));
    log.prepared(prepared);

    // when
    for (int i = 0; i < 2000; i++) {
      BranchId finished = BranchId.of(new TestXid("tx-" + i, "b"));
      log.sent(finished, authorisation("k-" + i));
      log.result(finished, IdempotencyKey.of("k-" + i), Outcome.APPROVED, Optional.of("sbx_" + i));
      log.ended(finished, "COMMITTED");
    }
    log.close();
    RecoveryLog reopened = RecoveryLog.open(directory, CLOCK, 4096);

    // then
    assertThat(Files.size(log.file()), lessThan(8192L));
    assertThat(reopened.recovered().keySet(), contains(open));
    TransactionBranch recovered = reopened.recovered().get(open);
    assertThat(recovered.isPrepared(), is(true));
    assertThat(recovered.requests().get(0).key(), is(IdempotencyKey.of("keep-me.capture")));
    assertThat(recovered.authorisations().get(0).reference(), is(Optional.of("sbx_1")));
    reopened.close();
  }

  @Test
  void keepsEveryPreparedBranch_whenManyThreadsForceAndCompactAtOnce() throws Exception {
    // given: eight threads, each preparing 150 branches (forced) and finishing every other one,
    // with compaction every few kilobytes
    RecoveryLog log = RecoveryLog.open(directory, CLOCK, 8192);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      work.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 150; i++) {
                  String key = "t" + thread + "-" + i;
                  BranchId id = BranchId.of(new TestXid(key, "b"));
                  log.sent(id, authorisation(key));
                  log.result(id, IdempotencyKey.of(key), Outcome.APPROVED, Optional.of("sbx_1"));
                  log.prepared(preparedBranch(id, key));
                  if (i % 2 == 0) {
                    log.ended(id, "COMMITTED");
                  }
                }
                return null;
              }));
    }
    for (Future<?> done : work) {
      done.get(60, TimeUnit.SECONDS);
    }
    threads.shutdown();
    log.close();

    // when
    RecoveryLog reopened = RecoveryLog.open(directory, CLOCK);

    // then: exactly the 600 prepared, unfinished branches come back, each whole
    assertThat(reopened.recovered().size(), is(600));
    for (TransactionBranch branch : reopened.recovered().values()) {
      assertThat(branch.isPrepared(), is(true));
      assertThat(branch.requests().size(), is(1));
    }
    reopened.close();
  }

  @Test
  void remembersSettledRequests_acrossCompaction() throws Exception {
    // given
    RecoveryLog log = RecoveryLog.open(directory, CLOCK, 1);
    BranchId id = BranchId.of(new TestXid("tx", "b"));
    TransactionBranch prepared = preparedBranch(id, "k");
    log.sent(id, authorisation("k"));
    log.prepared(prepared);

    // when
    log.done(id, IdempotencyKey.of("k.capture"), Outcome.APPROVED);
    log.close();
    RecoveryLog reopened = RecoveryLog.open(directory, CLOCK);

    // then
    assertThat(reopened.recovered().get(id).isDone(IdempotencyKey.of("k.capture")), is(true));
    reopened.close();
  }
}
