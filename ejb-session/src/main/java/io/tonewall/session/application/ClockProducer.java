package io.tonewall.session.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Supplies the clock that domain logic reads time from, so tests can replace it. */
@ApplicationScoped
public class ClockProducer {

  @Produces
  @ApplicationScoped
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
