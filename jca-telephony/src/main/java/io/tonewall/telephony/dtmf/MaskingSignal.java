package io.tonewall.telephony.dtmf;

/**
 * What the agent hears instead of a key: either silence or one constant tone, the same for every
 * key however it was sent (in-band or RFC 4733). The tone's frequency is a whole number of hertz at
 * least 60 Hz away from every DTMF frequency, its level is constant, and its phase follows the
 * stream's sample position, so it is continuous across frames. Immutable.
 */
public final class MaskingSignal {

  /** Samples {@link #copyTo} copies with one array copy at least. */
  private static final int COPY_CHUNK = 256;

  private static final int[] DTMF_HZ = {697, 770, 852, 941, 1209, 1336, 1477, 1633};
  private static final MaskingSignal SILENCE = new MaskingSignal(0, Double.NEGATIVE_INFINITY);

  // after DTMF_HZ: tone() needs it during class initialisation
  /** The default: a 500 Hz tone (below the DTMF row group) at -15 dBm0. */
  public static final MaskingSignal STANDARD = tone(500, -15);

  private final int hz;
  private final double dbm0;
  private final short[] period;

  /** The period repeated to at least {@link #COPY_CHUNK} more samples, for bulk copies. */
  private final short[] periods;

  private MaskingSignal(int hz, double dbm0) {
    this.hz = hz;
    this.dbm0 = dbm0;
    if (hz == 0) {
      period = new short[] {0};
    } else {
      int length = 8000 / gcd(8000, hz);
      double peak = 32768.0 * Math.pow(10, (dbm0 - 3.14) / 20);
      period = new short[length];
      for (int n = 0; n < length; n++) {
        period[n] = (short) Math.round(peak * Math.sin(2 * Math.PI * hz * n / 8000.0));
      }
    }
    periods = new short[period.length * (1 + (COPY_CHUNK + period.length - 1) / period.length)];
    for (int n = 0; n < periods.length; n += period.length) {
      System.arraycopy(period, 0, periods, n, period.length);
    }
  }

  /**
   * A constant tone.
   *
   * @param hz frequency, 100..3400 Hz, at least 60 Hz from every DTMF frequency
   * @param dbm0 level, -40..-3 dBm0 (0 dBm0: a sine of peak 22 827)
   * @throws IllegalArgumentException otherwise
   */
  public static MaskingSignal tone(int hz, double dbm0) {
    if (hz < 100 || hz > 3400) {
      throw new IllegalArgumentException("masking tone must be 100..3400 Hz, not " + hz);
    }
    for (int f : DTMF_HZ) {
      if (Math.abs(f - hz) < 60) {
        throw new IllegalArgumentException(
            "masking tone " + hz + " Hz is within 60 Hz of DTMF frequency " + f + " Hz");
      }
    }
    if (!(dbm0 >= -40 && dbm0 <= -3)) {
      throw new IllegalArgumentException("masking level must be -40..-3 dBm0, not " + dbm0);
    }
    return new MaskingSignal(hz, dbm0);
  }

  /** Silence instead of a tone. */
  public static MaskingSignal silence() {
    return SILENCE;
  }

  /** Whether this is silence. */
  public boolean isSilence() {
    return hz == 0;
  }

  /** Frequency in hertz; 0 for silence. */
  public int hz() {
    return hz;
  }

  /** Level in dBm0; negative infinity for silence. */
  public double dbm0() {
    return dbm0;
  }

  /** The signal's value at stream position {@code sample} (full level, before any fade). */
  public short sampleAt(long sample) {
    return period[Math.floorMod(sample, period.length)];
  }

  /**
   * Writes the signal from stream position {@code sample} on (full level) to {@code
   * target[offset..offset + length)}: the same values as {@link #sampleAt}, copied in bulk.
   */
  void copyTo(long sample, short[] target, int offset, int length) {
    int phase = Math.floorMod(sample, period.length);
    while (length > 0) {
      int n = Math.min(length, periods.length - phase);
      System.arraycopy(periods, phase, target, offset, n);
      offset += n;
      length -= n;
      phase = 0;
    }
  }

  @Override
  public String toString() {
    return isSilence()
        ? "MaskingSignal[silence]"
        : "MaskingSignal[" + hz + " Hz, " + dbm0 + " dBm0]";
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
