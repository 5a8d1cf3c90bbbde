package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundSettlementScheduleTest {

  private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
  private final RefundSettlementSchedule schedule =
      new RefundSettlementSchedule(
          Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofDays(7));

  @Test
  void backOffDoublesAfterEachCheck_upToTheMaximum() {
    assertThat(schedule.nextCheck(1, NOW), is(NOW.plusSeconds(10)));
    assertThat(schedule.nextCheck(2, NOW), is(NOW.plusSeconds(20)));
    assertThat(schedule.nextCheck(3, NOW), is(NOW.plusSeconds(40)));
    assertThat(schedule.nextCheck(4, NOW), is(NOW.plusSeconds(60)));
    assertThat(schedule.nextCheck(5, NOW), is(NOW.plusSeconds(60)));
    assertThat(schedule.nextCheck(Integer.MAX_VALUE, NOW), is(NOW.plusSeconds(60)));
  }

  @Test
  void aRefundExpiresAtItsMaximumAge() {
    Instant created = NOW.minus(Duration.ofDays(7));

    assertThat(schedule.expired(created.plusMillis(1), NOW), is(false));
    assertThat(schedule.expired(created, NOW), is(true));
  }

  @Test
  void refusesNonsense() {
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RefundSettlementSchedule(
                    Duration.ZERO, Duration.ofMinutes(1), Duration.ofDays(1)));
    IllegalArgumentException inverted =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RefundSettlementSchedule(
                    Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofDays(1)));
    IllegalArgumentException age =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new RefundSettlementSchedule(
                    Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(-1)));

    assertThat(zero.getMessage(), containsString("initial back-off"));
    assertThat(inverted.getMessage(), containsString("maximum back-off"));
    assertThat(age.getMessage(), containsString("maximum age"));
    assertThrows(IllegalArgumentException.class, () -> schedule.nextCheck(0, NOW));
  }
}
