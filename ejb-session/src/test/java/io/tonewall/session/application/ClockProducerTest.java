package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

  @Test
  void readsTimeInWholeMicroseconds_asTheDatabasesStoreIt() {
    // given
    Clock clock = new ClockProducer().systemClock();

    // when / then: many reads, none with a fraction of a microsecond
    for (int i = 0; i < 1_000; i++) {
      Instant now = clock.instant();
      assertThat(now.toString(), now.getNano() % 1_000, is(0));
    }
  }
}
