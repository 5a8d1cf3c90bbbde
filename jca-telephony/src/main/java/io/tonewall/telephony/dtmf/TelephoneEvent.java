package io.tonewall.telephony.dtmf;

import java.util.Optional;

/**
 * One 4-byte RFC 4733 §2.3 event block: event code (0-255), end bit, reserved bit, volume (0-63, in
 * -dBm0) and duration (0-65535, in timestamp units since the event or segment began). Immutable.
 * Codes 0-15 are {@link DtmfKey}s; other codes are kept as they are, not rejected. {@link
 * #toString()} masks digit codes.
 */
public final class TelephoneEvent {

  /** Largest duration a block can carry; longer events are split into segments (§2.5.1.3). */
  public static final int MAX_DURATION = 0xFFFF;

  private final int event;
  private final boolean end;
  private final boolean reserved;
  private final int volume;
  private final int duration;

  private TelephoneEvent(int event, boolean end, boolean reserved, int volume, int duration) {
    this.event = event;
    this.end = end;
    this.reserved = reserved;
    this.volume = volume;
    this.duration = duration;
  }

  /**
   * @throws IllegalArgumentException if a field is out of range
   */
  public static TelephoneEvent of(int event, boolean end, int volume, int duration) {
    return of(event, end, false, volume, duration);
  }

  /**
   * @param reserved the R bit; senders must send 0, receivers must ignore it (kept for fidelity)
   * @throws IllegalArgumentException if a field is out of range
   */
  public static TelephoneEvent of(
      int event, boolean end, boolean reserved, int volume, int duration) {
    if (event < 0 || event > 255) {
      throw new IllegalArgumentException("event code must be 0..255, was " + event);
    }
    if (volume < 0 || volume > 63) {
      throw new IllegalArgumentException("volume must be 0..63, was " + volume);
    }
    if (duration < 0 || duration > MAX_DURATION) {
      throw new IllegalArgumentException("duration must be 0..65535, was " + duration);
    }
    return new TelephoneEvent(event, end, reserved, volume, duration);
  }

  /**
   * @return the event for {@code key}
   */
  public static TelephoneEvent of(DtmfKey key, boolean end, int volume, int duration) {
    return of(key.eventCode(), end, volume, duration);
  }

  /**
   * @return the event code, 0 to 255
   */
  public int event() {
    return event;
  }

  /**
   * @return the DTMF key for codes 0-15, empty for other events
   */
  public Optional<DtmfKey> key() {
    return DtmfKey.fromEventCode(event);
  }

  /**
   * @return the E bit: this block reports the end of the event
   */
  public boolean end() {
    return end;
  }

  /**
   * @return the R bit as received
   */
  public boolean reserved() {
    return reserved;
  }

  /**
   * @return power level in -dBm0, 0 (loudest) to 63
   */
  public int volume() {
    return volume;
  }

  /**
   * @return duration in timestamp units, 0 to 65535
   */
  public int duration() {
    return duration;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TelephoneEvent that
        && event == that.event
        && end == that.end
        && reserved == that.reserved
        && volume == that.volume
        && duration == that.duration;
  }

  @Override
  public int hashCode() {
    return ((event * 31 + (end ? 1 : 0)) * 31 + (reserved ? 1 : 0)) * 31
        + volume * 65536
        + duration;
  }

  /** Masks the event code of digits 0-9; other codes print as numbers. */
  @Override
  public String toString() {
    String code = event <= 9 ? "DIGIT" : String.valueOf(event);
    return "TelephoneEvent[event="
        + code
        + ", end="
        + end
        + ", volume="
        + volume
        + ", duration="
        + duration
        + "]";
  }
}
