package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentJournalTest {
  private static final Money TEN = Money.of(1000, "GBP");

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  @Test
  void bringsBackTheLatestStateOfEachPayment_afterARestart() throws Exception {
    // given
    PaymentJournal journal = PaymentJournal.open(directory, clock);
    journal.record("pi_1", "stripe-uk", TEN, PaymentState.AUTHORISED, 0, 0);
    journal.record("pi_1", "stripe-uk", TEN, PaymentState.CAPTURED, 1000, 0);
    journal.record("pi_1", "stripe-uk", TEN, PaymentState.CAPTURED, 1000, 300);
    journal.close();

    // when
    PaymentJournal reopened = PaymentJournal.open(directory, clock);

    // then
    PaymentJournal.Snapshot snapshot = reopened.payments().get("pi_1");
    assertThat(snapshot.state(), is(PaymentState.CAPTURED));
    assertThat(snapshot.refunded(), is(300L));
    assertThat(snapshot.configuration(), is("stripe-uk"));
    assertThat(Files.readAllLines(reopened.file()).size(), is(1));
    reopened.close();
  }

  @Test
  void dropsFinishedAndExpiredPayments_whenCompacting() throws Exception {
    // given
    PaymentJournal journal = PaymentJournal.open(directory, clock, 400);
    journal.record("voided", "sandbox", TEN, PaymentState.VOIDED, 0, 0);
    journal.record("old-auth", "sandbox", TEN, PaymentState.AUTHORISED, 0, 0);
    journal.record("captured", "sandbox", TEN, PaymentState.CAPTURED, 1000, 0);
    clock.advance(Duration.ofDays(40));

    // when
    Set<String> dropped = Set.of();
    for (int i = 0; dropped.isEmpty() && i < 50; i++) {
      dropped = journal.record("fresh", "sandbox", TEN, PaymentState.AUTHORISED, 0, 0);
    }

    // then
    assertThat(dropped, containsInAnyOrder("voided", "old-auth"));
    assertThat(journal.payments().keySet(), containsInAnyOrder("captured", "fresh"));
    journal.close();
  }

  @Test
  void skipsATornLastLine() throws Exception {
    // given
    PaymentJournal journal = PaymentJournal.open(directory, clock);
    journal.record("pi_1", "stripe-uk", TEN, PaymentState.AUTHORISED, 0, 0);
    journal.close();
    Files.writeString(
        directory.resolve(PaymentJournal.FILE_NAME),
        "2026-11-22T10:00:00Z PAYMENT pi_2 stri",
        java.nio.file.StandardOpenOption.APPEND);

    // when
    PaymentJournal reopened = PaymentJournal.open(directory, clock);

    // then
    assertThat(reopened.payments().keySet(), containsInAnyOrder("pi_1"));
    reopened.close();
  }
}
