package io.tonewall.telephony.dtmf;

/** Where a {@link DigitCollector} stands. */
public enum CaptureState {
  /** Accepting digits. */
  COLLECTING,
  /** The caller pressed {@code *}: what was keyed is wiped and digits are accepted anew. */
  CLEARED,
  /** The field is complete: enough digits and a terminator, the maximum, or a timeout. */
  COMPLETE,
  /** A timeout struck before the minimum number of digits was keyed. */
  TIMED_OUT;

  /**
   * @return true when the collector no longer accepts keys (complete or timed out)
   */
  public boolean finished() {
    return this == COMPLETE || this == TIMED_OUT;
  }
}
