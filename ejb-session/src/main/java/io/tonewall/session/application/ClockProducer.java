package io.tonewall.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * Supplies the clock that domain logic reads time from, so tests can replace it.
 *
 * <p>The clock ticks in whole microseconds: PostgreSQL and H2 keep timestamps to the microsecond,
 * so a time with nanoseconds would be answered one way while the session is fresh and another way
 * (rounded by the database) after a restart.
 */
@ApplicationScoped
public class ClockProducer {

  /** The finest time the databases Tonewall supports store. */
  static final Duration STORED_PRECISION = Duration.of(1, ChronoUnit.MICROS);

  @Produces
  @ApplicationScoped
  Clock systemClock() {
    return Clock.tick(Clock.systemUTC(), STORED_PRECISION);
  }
}
