package io.tonewall.telephony.dtmf;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A test clock that stands still until told to advance. */
final class SteppingClock implements InstantSource {

  private Instant now = Instant.parse("2026-01-01T10:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration step) {
    now = now.plus(step);
  }

  void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }
}
