package io.tonewall.telephony.call;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PairingCodesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  @Test
  void redeemsCode_atTheEndOfWhatTheAgentDialled_once() {
    // given
    PairingCodes codes = new PairingCodes(6, Duration.ofMinutes(15), clock);
    String code = codes.allocate("session-1");

    // when
    Optional<String> first = codes.redeem("99" + code);
    Optional<String> second = codes.redeem(code);

    // then
    assertThat(code, matchesPattern("[0-9]{6}"));
    assertThat(first, is(Optional.of("session-1")));
    assertThat(second, is(Optional.empty()));
    assertThat(codes.outstanding(), is(0));
  }

  @Test
  void replacesOlderCode_whenSessionAsksAgain() {
    // given
    PairingCodes codes = new PairingCodes(6, Duration.ofMinutes(15), clock);
    String older = codes.allocate("session-1");

    // when
    String newer = codes.allocate("session-1");

    // then
    assertThat(codes.outstanding(), is(1));
    assertThat(codes.redeem(newer), is(Optional.of("session-1")));
    assertThat(older.equals(newer) || codes.redeem(older).isEmpty(), is(true));
  }

  @Test
  void forgetsCode_afterItsLifetime() {
    // given
    PairingCodes codes = new PairingCodes(4, Duration.ofMinutes(15), clock);
    String code = codes.allocate("session-1");

    // when
    clock.advance(Duration.ofMinutes(15));

    // then
    assertThat(codes.redeem(code), is(Optional.empty()));
  }

  @Test
  void ignoresDialledKeys_shorterThanACode() {
    // given
    PairingCodes codes = new PairingCodes(6, Duration.ofMinutes(15), clock);
    codes.allocate("session-1");

    // then
    assertThat(codes.redeem("123"), is(Optional.empty()));
    assertThat(codes.outstanding(), is(1));
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
