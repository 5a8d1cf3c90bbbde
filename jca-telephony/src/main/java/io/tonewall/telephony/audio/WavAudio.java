package io.tonewall.telephony.audio;

import java.util.Objects;

/**
 * An 8 kHz mono recording held as 16-bit linear samples, with the encoding it was (or is to be)
 * stored in. The sample array is copied on the way in and out.
 */
public final class WavAudio {

  /** The only sample rate Tonewall's media path handles. */
  public static final int SAMPLE_RATE = 8000;

  private final AudioEncoding encoding;
  private final short[] samples;

  private WavAudio(AudioEncoding encoding, short[] samples) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    this.samples = samples.clone();
  }

  /** Audio of the given linear samples, to be stored as {@code encoding}. */
  public static WavAudio of(AudioEncoding encoding, short[] samples) {
    return new WavAudio(encoding, Objects.requireNonNull(samples, "samples"));
  }

  /** The storage encoding. */
  public AudioEncoding encoding() {
    return encoding;
  }

  /** A copy of the linear samples. */
  public short[] samples() {
    return samples.clone();
  }

  /** Number of samples (8000 per second). */
  public int length() {
    return samples.length;
  }

  @Override
  public String toString() {
    return "WavAudio[" + encoding + ", " + samples.length + " samples]";
  }
}
