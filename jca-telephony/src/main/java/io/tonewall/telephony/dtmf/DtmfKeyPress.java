package io.tonewall.telephony.dtmf;

import java.util.Objects;

/**
 * One key press as received over RTP: the key, the source (SSRC), the RTP timestamp at which the
 * event began (its identity), its total duration in samples (segments of a long event added up),
 * and whether an end packet was seen or the end was inferred (a newer event or the stream moved on
 * first). Immutable; {@link #toString()} masks digit keys.
 */
public final class DtmfKeyPress {

  private final DtmfKey key;
  private final long ssrc;
  private final long startTimestamp;
  private final long durationSamples;
  private final boolean endSeen;

  private DtmfKeyPress(
      DtmfKey key, long ssrc, long startTimestamp, long durationSamples, boolean endSeen) {
    this.key = key;
    this.ssrc = ssrc;
    this.startTimestamp = startTimestamp;
    this.durationSamples = durationSamples;
    this.endSeen = endSeen;
  }

  /**
   * @throws IllegalArgumentException if the duration is negative
   */
  public static DtmfKeyPress of(
      DtmfKey key, long ssrc, long startTimestamp, long durationSamples, boolean endSeen) {
    Objects.requireNonNull(key, "key");
    if (durationSamples < 0) {
      throw new IllegalArgumentException("duration must not be negative: " + durationSamples);
    }
    return new DtmfKeyPress(key, ssrc, startTimestamp, durationSamples, endSeen);
  }

  /**
   * @return the key pressed
   */
  public DtmfKey key() {
    return key;
  }

  /**
   * @return the SSRC of the stream that carried the event
   */
  public long ssrc() {
    return ssrc;
  }

  /**
   * @return RTP timestamp of the event's start (of its first segment)
   */
  public long startTimestamp() {
    return startTimestamp;
  }

  /**
   * @return duration in RTP timestamp units (samples at 8 kHz for telephone-event/8000)
   */
  public long durationSamples() {
    return durationSamples;
  }

  /**
   * @return true when an end packet (E bit) was received; false when the end was inferred
   */
  public boolean endSeen() {
    return endSeen;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DtmfKeyPress that
        && key == that.key
        && ssrc == that.ssrc
        && startTimestamp == that.startTimestamp
        && durationSamples == that.durationSamples
        && endSeen == that.endSeen;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, ssrc, startTimestamp, durationSamples, endSeen);
  }

  @Override
  public String toString() {
    return "DtmfKeyPress[key="
        + key
        + ", ssrc=0x"
        + Long.toHexString(ssrc)
        + ", start="
        + startTimestamp
        + ", duration="
        + durationSamples
        + ", endSeen="
        + endSeen
        + "]";
  }
}
