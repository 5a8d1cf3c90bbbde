package io.tonewall.session.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private static final Instant FAILED_AT = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void doublesTheWaitAfterEachFailure_upToTheCap() {
    // given
    RetrySchedule schedule = new RetrySchedule(8, Duration.ofSeconds(30), Duration.ofMinutes(10));

    // when
    List<Duration> waits = IntStream.rangeClosed(1, 7).mapToObj(schedule::delayAfter).toList();

    // then
    assertThat(
        waits,
        contains(
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(4),
            Duration.ofMinutes(8),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10)));
  }

  @Test
  void schedulesNextAttempt_untilMaxAttemptsAreMade() {
    // given
    RetrySchedule schedule = new RetrySchedule(3, Duration.ofSeconds(30), Duration.ofHours(1));

    // when
    Optional<Instant> afterSecond = schedule.nextAttempt(2, FAILED_AT);
    Optional<Instant> afterThird = schedule.nextAttempt(3, FAILED_AT);

    // then
    assertThat(afterSecond, is(Optional.of(FAILED_AT.plusSeconds(60))));
    assertThat(afterThird, is(Optional.empty()));
  }

  @Test
  void neverOverflows_afterManyFailures() {
    // given
    RetrySchedule schedule = new RetrySchedule(1000, Duration.ofSeconds(30), Duration.ofHours(1));

    // when
    Duration wait = schedule.delayAfter(500);

    // then
    assertThat(wait, is(Duration.ofHours(1)));
  }

  @Test
  void refusesSchedulesThatCannotWork() {
    // when / then
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetrySchedule(3, Duration.ofSeconds(10), Duration.ofSeconds(5)));
  }
}
