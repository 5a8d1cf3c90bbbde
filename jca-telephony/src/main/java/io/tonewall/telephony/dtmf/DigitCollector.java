package io.tonewall.telephony.dtmf;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Collects the digits of one card field from key presses, by a {@link CaptureSpecification}:
 *
 * <ul>
 *   <li>a digit is appended; reaching the maximum completes the field ({@link
 *       CaptureReason#MAXIMUM_DIGITS});
 *   <li>{@code #} completes it when at least the minimum was keyed ({@link
 *       CaptureReason#TERMINATOR}); with fewer digits it is ignored and collecting goes on;
 *   <li>{@code *} wipes what was keyed ({@link CaptureState#CLEARED}); the next digit starts over;
 *   <li>A-D are ignored;
 *   <li>when the inter-digit timeout (since the start, the last key or the clear) or the overall
 *       timeout (since the start or {@link #reset()}) passes, the field completes if the minimum
 *       was keyed and times out otherwise (digits wiped, count kept for the outcome).
 * </ul>
 *
 * <p>Time comes only from the injected {@link InstantSource}; timeouts are evaluated on each key
 * and on {@link #checkTimeouts()}, which the owner calls from its timer (see {@link
 * #nextDeadline()}). Keys after the field finished are ignored.
 *
 * <p>Card data: the digits live in one {@code char[]} wiped by {@code *}, {@link #reset()}, {@link
 * #close()} and the hand-over. They leave only through {@link #handOverDigits()}. {@link
 * #toString()} shows state and count, never digits. Methods are synchronized: key presses and timer
 * checks may come from different threads.
 */
public final class DigitCollector implements AutoCloseable {

  private final CaptureSpecification specification;
  private final InstantSource clock;
  private final char[] digits;

  private int count;
  private CaptureState state;
  private Optional<CaptureReason> reason;
  private Instant startedAt;
  private Instant lastActivityAt;
  private boolean handedOver;
  private boolean closed;

  private DigitCollector(CaptureSpecification specification, InstantSource clock) {
    this.specification = specification;
    this.clock = clock;
    this.digits = new char[specification.maxDigits()];
    begin();
  }

  /**
   * Starts collecting now (by {@code clock}).
   *
   * @return a collector in {@link CaptureState#COLLECTING}
   */
  public static DigitCollector start(CaptureSpecification specification, InstantSource clock) {
    Objects.requireNonNull(specification, "specification");
    Objects.requireNonNull(clock, "clock");
    return new DigitCollector(specification, clock);
  }

  /**
   * Takes one key press, after evaluating the timeouts at the current instant.
   *
   * @return the state after the key
   * @throws IllegalStateException if the collector was closed
   */
  public synchronized CaptureState press(DtmfKey key) {
    Objects.requireNonNull(key, "key");
    ensureOpen();
    evaluateTimeouts();
    if (state.finished()) {
      return state;
    }
    Instant now = clock.instant();
    if (key.isDigit()) {
      digits[count++] = key.symbol();
      lastActivityAt = now;
      state = CaptureState.COLLECTING;
      reason = Optional.empty();
      if (count == specification.maxDigits()) {
        finish(CaptureState.COMPLETE, CaptureReason.MAXIMUM_DIGITS);
      }
    } else if (key == DtmfKey.POUND) {
      lastActivityAt = now;
      if (count >= specification.minDigits()) {
        finish(CaptureState.COMPLETE, CaptureReason.TERMINATOR);
      }
    } else if (key == DtmfKey.STAR) {
      wipe();
      lastActivityAt = now;
      state = CaptureState.CLEARED;
      reason = Optional.of(CaptureReason.CLEARED_BY_CALLER);
    }
    return state;
  }

  /**
   * Evaluates the timeouts at the current instant.
   *
   * @return the state afterwards
   * @throws IllegalStateException if the collector was closed
   */
  public synchronized CaptureState checkTimeouts() {
    ensureOpen();
    evaluateTimeouts();
    return state;
  }

  /**
   * @return the earlier of the two timeout instants while collecting, for scheduling {@link
   *     #checkTimeouts()}; empty once finished
   */
  public synchronized Optional<Instant> nextDeadline() {
    if (closed || state.finished()) {
      return Optional.empty();
    }
    Instant interDigit = lastActivityAt.plus(specification.interDigitTimeout());
    Instant overall = startedAt.plus(specification.overallTimeout());
    return Optional.of(interDigit.isBefore(overall) ? interDigit : overall);
  }

  /**
   * @return state, digit count and reason; never digits
   */
  public synchronized CaptureOutcome outcome() {
    return CaptureOutcome.of(state, count, reason);
  }

  /**
   * @return the current state (timeouts are evaluated only by {@link #press} and {@link
   *     #checkTimeouts()})
   */
  public synchronized CaptureState state() {
    return state;
  }

  /**
   * @return digits keyed so far
   */
  public synchronized int digitCount() {
    return count;
  }

  /**
   * Wipes the digits and collects the field anew, both timeouts restarting now.
   *
   * @throws IllegalStateException if the collector was closed
   */
  public synchronized void reset() {
    ensureOpen();
    wipe();
    begin();
  }

  /**
   * The card-data hand-over, and the only way digits leave the collector: returns the completed
   * field's digits as a new array that the caller owns and must wipe ({@code Arrays.fill(a, '\0')})
   * as soon as it has built its card object, then wipes the collector's own copy. Allowed once, and
   * only in {@link CaptureState#COMPLETE}; {@link #digitCount()} still reports the count
   * afterwards.
   *
   * @return the digits '0'-'9', in the order keyed
   * @throws IllegalStateException if the field is not complete, was handed over already, or the
   *     collector was closed
   */
  public synchronized char[] handOverDigits() {
    ensureOpen();
    if (state != CaptureState.COMPLETE) {
      throw new IllegalStateException("digits can be handed over only when complete, not " + state);
    }
    if (handedOver) {
      throw new IllegalStateException("digits were already handed over");
    }
    char[] copy = Arrays.copyOf(digits, count);
    Arrays.fill(digits, '\0');
    handedOver = true;
    return copy;
  }

  /** Wipes the digits; afterwards every method but the read-only ones throws. Idempotent. */
  @Override
  public synchronized void close() {
    Arrays.fill(digits, '\0');
    closed = true;
  }

  /** Shows state and digit count only. */
  @Override
  public synchronized String toString() {
    return "DigitCollector[state=" + state + ", digits=" + count + (closed ? ", closed" : "") + "]";
  }

  private void begin() {
    count = 0;
    handedOver = false;
    state = CaptureState.COLLECTING;
    reason = Optional.empty();
    startedAt = clock.instant();
    lastActivityAt = startedAt;
  }

  private void evaluateTimeouts() {
    if (state.finished()) {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(startedAt.plus(specification.overallTimeout()))) {
      finishByTimeout(CaptureReason.OVERALL_TIMEOUT);
    } else if (!now.isBefore(lastActivityAt.plus(specification.interDigitTimeout()))) {
      finishByTimeout(CaptureReason.INTER_DIGIT_TIMEOUT);
    }
  }

  private void finishByTimeout(CaptureReason timeout) {
    if (count >= specification.minDigits()) {
      finish(CaptureState.COMPLETE, timeout);
    } else {
      Arrays.fill(digits, '\0');
      finish(CaptureState.TIMED_OUT, timeout);
    }
  }

  private void finish(CaptureState finalState, CaptureReason why) {
    state = finalState;
    reason = Optional.of(why);
  }

  private void wipe() {
    Arrays.fill(digits, '\0');
    count = 0;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("digit collector is closed");
    }
  }
}
