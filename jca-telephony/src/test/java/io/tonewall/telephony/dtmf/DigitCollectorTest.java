package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigitCollectorTest {

  private static final Duration INTER_DIGIT = Duration.ofSeconds(5);
  private static final Duration OVERALL = Duration.ofSeconds(60);

  private final SteppingClock clock = new SteppingClock();

  private DigitCollector collector(int min, int max) {
    return DigitCollector.start(CaptureSpecification.of(min, max, INTER_DIGIT, OVERALL), clock);
  }

  private static void key(DigitCollector collector, String symbols) {
    for (char symbol : symbols.toCharArray()) {
      collector.press(DtmfKey.fromSymbol(symbol).orElseThrow());
    }
  }

  @Test
  void completesOnTerminator_whenMinimumReached() {
    // given
    DigitCollector collector = collector(3, 4);
    key(collector, "123");

    // when
    CaptureState state = collector.press(DtmfKey.POUND);

    // then
    assertThat(state, is(CaptureState.COMPLETE));
    assertThat(
        collector.outcome(),
        is(CaptureOutcome.of(CaptureState.COMPLETE, 3, Optional.of(CaptureReason.TERMINATOR))));
    assertThat(new String(collector.handOverDigits()), is("123"));
  }

  @Test
  void keepsCollecting_whenTerminatorPressedBeforeMinimum() {
    // given
    DigitCollector collector = collector(3, 4);
    key(collector, "12");

    // when
    CaptureState state = collector.press(DtmfKey.POUND);

    // then
    assertThat(state, is(CaptureState.COLLECTING));
    assertThat(collector.digitCount(), is(2));
  }

  @Test
  void completesWithoutTerminator_whenMaximumReached() {
    // given
    DigitCollector collector = collector(3, 4);

    // when
    key(collector, "4321");

    // then
    assertThat(collector.state(), is(CaptureState.COMPLETE));
    assertThat(collector.outcome().reason(), is(Optional.of(CaptureReason.MAXIMUM_DIGITS)));
    assertThat(new String(collector.handOverDigits()), is("4321"));
  }

  @Test
  void ignoresKeys_afterCompletion() {
    // given
    DigitCollector collector = collector(1, 2);
    key(collector, "12");

    // when
    CaptureState state = collector.press(DtmfKey.NINE);

    // then
    assertThat(state, is(CaptureState.COMPLETE));
    assertThat(new String(collector.handOverDigits()), is("12"));
  }

  @Test
  void wipesKeyedDigits_whenStarPressed_andStartsOver() {
    // given
    DigitCollector collector = collector(2, 4);
    key(collector, "987");

    // when
    CaptureState afterClear = collector.press(DtmfKey.STAR);
    CaptureOutcome cleared = collector.outcome();
    key(collector, "55#");

    // then
    assertThat(afterClear, is(CaptureState.CLEARED));
    assertThat(
        cleared,
        is(
            CaptureOutcome.of(
                CaptureState.CLEARED, 0, Optional.of(CaptureReason.CLEARED_BY_CALLER))));
    assertThat(collector.state(), is(CaptureState.COMPLETE));
    assertThat(new String(collector.handOverDigits()), is("55"));
  }

  @Test
  void ignoresLetterKeys() {
    // given
    DigitCollector collector = collector(2, 4);

    // when
    key(collector, "1A2D#");

    // then
    assertThat(new String(collector.handOverDigits()), is("12"));
  }

  @Test
  void timesOut_whenNoKeyWithinInterDigitTimeout_belowMinimum() {
    // given
    DigitCollector collector = collector(3, 4);
    key(collector, "1");
    clock.advance(INTER_DIGIT.minusMillis(1));
    CaptureState before = collector.checkTimeouts();

    // when
    clock.advanceMillis(1);
    CaptureState after = collector.checkTimeouts();

    // then
    assertThat(before, is(CaptureState.COLLECTING));
    assertThat(after, is(CaptureState.TIMED_OUT));
    assertThat(
        collector.outcome(),
        is(
            CaptureOutcome.of(
                CaptureState.TIMED_OUT, 1, Optional.of(CaptureReason.INTER_DIGIT_TIMEOUT))));
    assertThrows(IllegalStateException.class, collector::handOverDigits);
  }

  @Test
  void completes_whenInterDigitTimeoutPassesWithMinimumKeyed() {
    // given
    DigitCollector collector = collector(2, 4);
    key(collector, "12");

    // when
    clock.advance(INTER_DIGIT);
    CaptureState state = collector.checkTimeouts();

    // then
    assertThat(state, is(CaptureState.COMPLETE));
    assertThat(collector.outcome().reason(), is(Optional.of(CaptureReason.INTER_DIGIT_TIMEOUT)));
  }

  @Test
  void restartsInterDigitTimer_onEveryKey() {
    // given
    DigitCollector collector = collector(4, 4);

    // when: keys 4 s apart, 12 s in total
    for (char digit : "123".toCharArray()) {
      clock.advanceMillis(4000);
      collector.press(DtmfKey.fromSymbol(digit).orElseThrow());
    }

    // then
    assertThat(collector.checkTimeouts(), is(CaptureState.COLLECTING));
    assertThat(collector.digitCount(), is(3));
  }

  @Test
  void ignoresKeyArrivingAfterDeadline_evenWithoutATimerCheck() {
    // given
    DigitCollector collector = collector(2, 4);
    key(collector, "1");
    clock.advance(INTER_DIGIT);

    // when
    CaptureState state = collector.press(DtmfKey.TWO);

    // then
    assertThat(state, is(CaptureState.TIMED_OUT));
    assertThat(collector.digitCount(), is(1));
  }

  @Test
  void timesOut_whenOverallTimeoutPasses_despiteSteadyKeys() {
    // given
    CaptureSpecification specification =
        CaptureSpecification.of(19, 19, Duration.ofSeconds(5), Duration.ofSeconds(10));
    DigitCollector collector = DigitCollector.start(specification, clock);

    // when
    for (int i = 0; i < 5; i++) {
      clock.advanceMillis(2500);
      collector.press(DtmfKey.ONE);
    }

    // then
    assertThat(collector.state(), is(CaptureState.TIMED_OUT));
    assertThat(collector.outcome().reason(), is(Optional.of(CaptureReason.OVERALL_TIMEOUT)));
    assertThat(collector.digitCount(), is(3));
  }

  @Test
  void offersEarlierDeadline_forTheOwnersTimer() {
    // given
    Instant start = clock.instant();
    DigitCollector collector = collector(2, 4);
    clock.advanceMillis(1000);
    key(collector, "1");

    // when
    Optional<Instant> deadline = collector.nextDeadline();

    // then
    assertThat(deadline, is(Optional.of(start.plusMillis(1000).plus(INTER_DIGIT))));
  }

  @Test
  void startsOverWithFreshTimers_onReset() {
    // given
    DigitCollector collector = collector(1, 4);
    key(collector, "12#");
    clock.advance(OVERALL);

    // when
    collector.reset();
    key(collector, "3#");

    // then
    assertThat(collector.state(), is(CaptureState.COMPLETE));
    assertThat(new String(collector.handOverDigits()), is("3"));
  }

  @Test
  void handsDigitsOverOnlyOnce() {
    // given
    DigitCollector collector = collector(1, 4);
    key(collector, "7#");
    collector.handOverDigits();

    // when
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, collector::handOverDigits);

    // then
    assertThat(thrown.getMessage(), containsString("already handed over"));
    assertThat(collector.digitCount(), is(1));
  }

  @Test
  void refusesHandOver_whileCollecting() {
    // given
    DigitCollector collector = collector(2, 4);
    key(collector, "7");

    // when
    IllegalStateException thrown =
        assertThrows(IllegalStateException.class, collector::handOverDigits);

    // then
    assertThat(thrown.getMessage(), containsString("COLLECTING"));
  }

  @Test
  void refusesUse_afterClose() {
    // given
    DigitCollector collector = collector(1, 4);
    key(collector, "7#");

    // when
    collector.close();

    // then
    assertThrows(IllegalStateException.class, collector::handOverDigits);
    assertThrows(IllegalStateException.class, () -> collector.press(DtmfKey.ONE));
  }

  @Test
  void printsStateAndCount_butNoDigits() {
    // given
    DigitCollector collector = collector(1, 6);
    key(collector, "4242");

    // when
    String text = collector.toString() + collector.outcome();

    // then
    assertThat(text, containsString("digits=4"));
    assertThat(text, not(containsString("42")));
  }

  @Test
  void rejectsMinimumAboveMaximum() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> CaptureSpecification.of(5, 4, INTER_DIGIT, OVERALL));
    assertThat(thrown.getMessage(), is("minimum digits (5) must not exceed maximum digits (4)"));
  }

  @Test
  void rejectsMaximumAboveNineteen() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> CaptureSpecification.of(1, 20, INTER_DIGIT, OVERALL));
    assertThat(thrown.getMessage(), is("maximum digits must be at most 19, was 20"));
  }

  @Test
  void rejectsMinimumBelowOne() {
    IllegalArgumentException thrown =
        assertThrows(
            IllegalArgumentException.class,
            () -> CaptureSpecification.of(0, 4, INTER_DIGIT, OVERALL));
    assertThat(thrown.getMessage(), containsString("minimum digits must be at least 1"));
  }

  @Test
  void rejectsNegativeTimeouts() {
    IllegalArgumentException interDigit =
        assertThrows(
            IllegalArgumentException.class,
            () -> CaptureSpecification.of(1, 4, Duration.ofSeconds(-1), OVERALL));
    IllegalArgumentException overall =
        assertThrows(
            IllegalArgumentException.class,
            () -> CaptureSpecification.of(1, 4, INTER_DIGIT, Duration.ofMillis(-5)));
    assertThat(interDigit.getMessage(), containsString("inter-digit timeout must be positive"));
    assertThat(overall.getMessage(), containsString("overall timeout must be positive"));
  }
}
