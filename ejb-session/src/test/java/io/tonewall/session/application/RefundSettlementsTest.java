package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.RefundSettlementSchedule;
import io.tonewall.session.domain.TransactionType;
import jakarta.ejb.TimerService;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One round of {@link RefundSettlements}: what it asks for, and what it does with each answer. */
class RefundSettlementsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

  private final UUID settled = UUID.randomUUID();
  private final UUID pending = UUID.randomUUID();
  private final UUID unreachable = UUID.randomUUID();
  private final RecordingTransactions transactions = new RecordingTransactions();

  @Test
  void checksTheDueRefunds_andCountsAFailedCheckWithTheSameSchedule() throws Exception {
    // given
    RefundSettlements sweep = sweep(Map.of());

    // when
    sweep.settleScheduledRefunds();

    // then: first checks after settle-after; every due refund checked; the unreachable one deferred
    assertThat(transactions.askedNow, is(NOW));
    assertThat(transactions.askedFirstCheckBefore, is(NOW.minusSeconds(5)));
    assertThat(transactions.checked, is(List.of(settled, pending, unreachable)));
    assertThat(transactions.deferred, is(List.of(unreachable)));
    assertThat(
        transactions.schedules.get(0),
        is(
            new RefundSettlementSchedule(
                Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(7))));
    assertThat(transactions.schedules.get(1), is(transactions.schedules.get(0)));
  }

  @Test
  void takesItsScheduleFromTheSettings() throws Exception {
    // given
    RefundSettlements sweep =
        sweep(
            Map.of(
                "initialBackoff",
                "PT2S",
                "maxBackoff",
                "PT4S",
                "maxAge",
                "PT20S",
                "after",
                "PT1S"));

    // when
    sweep.settleScheduledRefunds();

    // then
    assertThat(transactions.askedFirstCheckBefore, is(NOW.minusSeconds(1)));
    assertThat(
        transactions.schedules.get(0),
        is(
            new RefundSettlementSchedule(
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(20))));
  }

  @Test
  void refusesToStart_withABadSetting_namingIt() {
    IllegalArgumentException notADuration =
        assertThrows(IllegalArgumentException.class, () -> sweep(Map.of("maxAge", "7 days")));
    IllegalArgumentException inverted =
        assertThrows(
            IllegalArgumentException.class,
            () -> sweep(Map.of("initialBackoff", "PT2H", "maxBackoff", "PT1H")));

    assertThat(notADuration.getMessage(), containsString("tonewall.refund.settle-max-age"));
    assertThat(inverted.getMessage(), containsString("maximum back-off"));
  }

  private RefundSettlements sweep(Map<String, String> settings) throws Exception {
    RefundSettlements sweep = new RefundSettlements();
    set(sweep, "transactions", transactions);
    set(sweep, "clock", Clock.fixed(NOW, ZoneOffset.UTC));
    set(sweep, "timers", noTimers());
    set(sweep, "interval", "PT10S");
    set(sweep, "after", settings.getOrDefault("after", "PT5S"));
    set(sweep, "initialBackoff", settings.getOrDefault("initialBackoff", "PT10S"));
    set(sweep, "maxBackoff", settings.getOrDefault("maxBackoff", "PT1H"));
    set(sweep, "maxAge", settings.getOrDefault("maxAge", "P7D"));
    sweep.schedule();
    return sweep;
  }

  private static void set(Object target, String name, Object value) throws Exception {
    Field field = RefundSettlements.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }

  /** A timer service that accepts the interval timer and nothing else. */
  private static TimerService noTimers() {
    return (TimerService)
        Proxy.newProxyInstance(
            TimerService.class.getClassLoader(),
            new Class<?>[] {TimerService.class},
            (proxy, method, args) -> {
              if (method.getName().equals("createIntervalTimer")) {
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static TransactionView refundView(
      UUID id, Outcome outcome, Optional<Instant> handedOver) {
    return new TransactionView(
        id,
        UUID.randomUUID(),
        Optional.empty(),
        TransactionType.REFUND,
        400,
        "GBP",
        0,
        false,
        outcome,
        Optional.empty(),
        "stripe-uk",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(UUID.randomUUID()),
        0,
        Optional.empty(),
        handedOver,
        NOW.minusSeconds(60),
        NOW);
  }

  /** Answers the sweep's questions and records what it was asked to do. */
  private final class RecordingTransactions extends Transactions {
    Instant askedNow;
    Instant askedFirstCheckBefore;
    final List<UUID> checked = new ArrayList<>();
    final List<UUID> deferred = new ArrayList<>();
    final List<RefundSettlementSchedule> schedules = new ArrayList<>();

    @Override
    public List<UUID> refundsDueForSettlement(Instant now, Instant firstCheckBefore, int max) {
      askedNow = now;
      askedFirstCheckBefore = firstCheckBefore;
      return List.of(settled, pending, unreachable);
    }

    @Override
    public TransactionView settleOrDefer(UUID refundId, RefundSettlementSchedule schedule) {
      checked.add(refundId);
      schedules.add(schedule);
      if (refundId.equals(unreachable)) {
        throw new IllegalStateException("PSP adapter unreachable");
      }
      return refundId.equals(settled)
          ? refundView(refundId, Outcome.APPROVED, Optional.empty())
          : refundView(refundId, Outcome.SCHEDULED, Optional.empty());
    }

    @Override
    public void deferSettlement(UUID refundId, RefundSettlementSchedule schedule) {
      deferred.add(refundId);
      schedules.add(schedule);
    }
  }
}
