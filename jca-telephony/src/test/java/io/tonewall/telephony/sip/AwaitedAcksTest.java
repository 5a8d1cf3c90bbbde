package io.tonewall.telephony.sip;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ACK deadlines against times given by the test: due at the deadline, not a moment before. */
class AwaitedAcksTest {

  private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

  private final AwaitedAcks acks = new AwaitedAcks(Duration.ofSeconds(32));

  @Test
  void expiresAtTheDeadline_once() {
    CallLegs legs = legs("a");
    acks.answered(legs, T0);

    assertThat(acks.expired(T0.plusMillis(31_999)), is(empty()));
    assertThat(acks.expired(T0.plusSeconds(32)), contains(legs));
    assertThat(acks.expired(T0.plusSeconds(60)), is(empty()));
    assertThat(acks.size(), is(0));
  }

  @Test
  void anAck_orTheCallsEnd_removesTheDeadline() {
    CallLegs acked = legs("a");
    CallLegs ended = legs("b");
    acks.answered(acked, T0);
    acks.answered(ended, T0);

    acks.acknowledged("a");
    acks.forget(ended);

    assertThat(acks.size(), is(0));
    assertThat(acks.expired(T0.plusSeconds(60)), is(empty()));
  }

  @Test
  void forgettingAnotherCallWithTheSameId_keepsTheDeadline() {
    CallLegs current = legs("a");
    acks.answered(current, T0);

    acks.forget(legs("a"));

    assertThat(acks.expired(T0.plusSeconds(32)), contains(current));
  }

  @Test
  void refusesANonPositiveTimeout() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> new AwaitedAcks(Duration.ZERO));

    assertThat(error.getMessage(), is("ACK timeout must be positive, was PT0S"));
  }

  private static CallLegs legs(String callerCallId) {
    return new CallLegs(
        callerCallId, callerCallId + "-agent", "tag", null, null, null, null, null, 1);
  }
}
