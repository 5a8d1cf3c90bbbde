package io.tonewall.telephony.dtmf;

import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a {@link DigitCollector} safe to pass anywhere: state, number of digits keyed, and
 * the reason for the last transition out of collecting. It never holds digits. Immutable.
 */
public final class CaptureOutcome {

  private final CaptureState state;
  private final int digitCount;
  private final Optional<CaptureReason> reason;

  private CaptureOutcome(CaptureState state, int digitCount, Optional<CaptureReason> reason) {
    this.state = state;
    this.digitCount = digitCount;
    this.reason = reason;
  }

  /**
   * @param reason empty while collecting
   * @throws IllegalArgumentException if the digit count is negative
   */
  public static CaptureOutcome of(
      CaptureState state, int digitCount, Optional<CaptureReason> reason) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reason, "reason");
    if (digitCount < 0) {
      throw new IllegalArgumentException("digit count must not be negative: " + digitCount);
    }
    return new CaptureOutcome(state, digitCount, reason);
  }

  /**
   * @return the collector's state
   */
  public CaptureState state() {
    return state;
  }

  /**
   * @return digits keyed so far (what the agent console shows as dots)
   */
  public int digitCount() {
    return digitCount;
  }

  /**
   * @return why the collector completed, timed out or was cleared; empty while collecting
   */
  public Optional<CaptureReason> reason() {
    return reason;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CaptureOutcome that
        && state == that.state
        && digitCount == that.digitCount
        && reason.equals(that.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(state, digitCount, reason);
  }

  @Override
  public String toString() {
    return "CaptureOutcome[state="
        + state
        + ", digits="
        + digitCount
        + ", reason="
        + reason.map(Enum::name).orElse("-")
        + "]";
  }
}
