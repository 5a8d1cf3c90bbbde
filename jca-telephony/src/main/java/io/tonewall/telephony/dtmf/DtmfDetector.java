package io.tonewall.telephony.dtmf;

import java.util.Objects;

/**
 * Streaming DTMF detector for 8 kHz 16-bit linear audio, fed frames of any length.
 *
 * <p>The audio is cut into blocks of {@value #BLOCK} samples (12.75 ms); each block runs eight
 * Goertzel filters (the four row and four column frequencies) in float. A block is a <em>hit</em>
 * for a key when, on the strongest row and column tone:
 *
 * <ul>
 *   <li>each tone is at least {@value #MIN_LEVEL_DBM0} dBm0;
 *   <li>twist is within {@value #MAX_TWIST_DB} dB either way (high group weaker: normal twist; low
 *       group weaker: reverse twist);
 *   <li>every other tone of the same group is at least {@value #RELATIVE_PEAK_DB} dB weaker;
 *   <li>the two tones (measured at their nominal frequency and at ±1.5 %) carry at least {@value
 *       #TONE_ENERGY_SHARE} of the block's energy — speech and noise spread theirs;
 *   <li>each tone is closer to its nominal frequency than to ±5 % of it (so ±1.5 % is accepted and
 *       ±3.5 % refused);
 *   <li>the second harmonic of each tone is at least {@value #HARMONIC_DB} dB below it (voiced
 *       speech has harmonics; DTMF has none).
 * </ul>
 *
 * <p>Two consecutive hits of the same key confirm it (so tones of 40 ms or more are always detected
 * and tones of 20 ms never are: a partial block cannot carry the energy share); two consecutive
 * blocks without it end it. Each key press is reported once, at its end, through {@link
 * DtmfObserver#digitDetected}. Blocks that merely look suspicious under much looser limits, and
 * blocks during a confirmed key, are reported at once through {@link DtmfObserver#toneSuspected} so
 * that a masker can act before confirmation.
 *
 * <p>Levels use the spandsp / G.711 convention: 0 dBm0 is a sine 3.14 dB below a full-scale sine,
 * i.e. peak 22 827 and RMS 16 141 in 16-bit samples (a µ-law full-scale sine, peak 32 124, is +3.14
 * dBm0).
 *
 * <p>Not thread-safe: one detector per audio stream. No allocation after construction.
 */
public final class DtmfDetector {

  /** Samples per analysis block (the value spandsp also uses). */
  public static final int BLOCK = 102;

  static final double MIN_LEVEL_DBM0 = -36.0;
  static final double MAX_TWIST_DB = 9.0;
  static final double RELATIVE_PEAK_DB = 8.0;
  static final double TONE_ENERGY_SHARE = 0.85;
  static final double HARMONIC_DB = 15.0;

  private static final double SUSPECT_LEVEL_DBM0 = -52.0;
  private static final double SUSPECT_TWIST_DB = 14.0;
  private static final double SUSPECT_ENERGY_SHARE = 0.45;
  private static final double FINE_DEVIATION = 0.015;
  private static final double PROBE_DEVIATION = 0.05;

  private static final double[] ROWS = DtmfFilterBank.ROWS;
  private static final double[] COLS = DtmfFilterBank.COLS;

  /** Mean power of a 0 dBm0 sine in squared 16-bit units: (32768 * 10^(-3.14/20))^2 / 2. */
  static final double ZERO_DBM0_POWER = 32768.0 * 32768.0 / 2.0 * Math.pow(10, -3.14 / 10);

  private static final float MIN_POWER = power(MIN_LEVEL_DBM0);
  private static final float SUSPECT_POWER = power(SUSPECT_LEVEL_DBM0);
  private static final float TWIST = ratio(MAX_TWIST_DB);
  private static final float SUSPECT_TWIST = ratio(SUSPECT_TWIST_DB);
  private static final float RELATIVE_PEAK = ratio(RELATIVE_PEAK_DB);
  private static final float HARMONIC = ratio(HARMONIC_DB);

  private static final float[][] ROW_VARIANTS = variants(ROWS);
  private static final float[][] COL_VARIANTS = variants(COLS);

  private final DtmfObserver observer;
  private final float[] block = new float[BLOCK];
  private final float[] rowPower = new float[4];
  private final float[] colPower = new float[4];
  private final float[] variantPower = new float[5];
  private final float[] variantPower2 = new float[5];
  private int fill;
  private long position;

  private int current = -1;
  private long currentStart;
  private long lastHitEnd;
  private int misses;
  private int candidate = -1;
  private long candidateStart;

  /** A detector that reports to {@code observer}. */
  public DtmfDetector(DtmfObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Feeds a whole frame. */
  public void process(short[] samples) {
    process(samples, 0, samples.length);
  }

  /** Feeds {@code length} samples from {@code samples[offset..]}; any length, any alignment. */
  public void process(short[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int n = Math.min(BLOCK - fill, end - i);
      for (int k = 0; k < n; k++) {
        block[fill + k] = samples[i + k];
      }
      fill += n;
      i += n;
      position += n;
      if (fill == BLOCK) {
        fill = 0;
        analyse(position - BLOCK);
      }
    }
  }

  /**
   * Ends the stream: a key still sounding is reported now, ending after its last hit block. Samples
   * in an incomplete block are not analysed. The detector can be fed again afterwards.
   */
  public void finish() {
    if (current >= 0) {
      report();
    }
    candidate = -1;
  }

  /**
   * Jumps to stream position {@code blockStart}, a multiple of {@value #BLOCK}, without analysing
   * the samples in between (they were not listened to): the incomplete block and every tracking
   * state are dropped, a key sounding is forgotten unreported, and blocks stay aligned as if every
   * sample had been fed. Nothing happens at the current position.
   *
   * @throws IllegalArgumentException if {@code blockStart} lies before the current position or is
   *     not a block boundary
   */
  public void skipTo(long blockStart) {
    if (blockStart == position) {
      return;
    }
    if (blockStart < position || blockStart % BLOCK != 0) {
      throw new IllegalArgumentException(
          "can only skip ahead to a block boundary: " + blockStart + " from " + position);
    }
    position = blockStart;
    fill = 0;
    current = -1;
    misses = 0;
    candidate = -1;
  }

  /** Samples consumed so far: the position of the next sample. */
  public long position() {
    return position;
  }

  /** Whether a confirmed key is sounding (or ended less than two blocks ago). */
  public boolean inDigit() {
    return current >= 0;
  }

  /** One block: the eight filters and the energy ({@link DtmfFilterBank}), then the limits. */
  private void analyse(long blockStart) {
    float energy = DtmfFilterBank.analyse(block, rowPower, colPower);
    float meanPower = energy / BLOCK;
    int row = strongest(rowPower);
    int col = strongest(colPower);
    float r = rowPower[row];
    float c = colPower[col];
    boolean suspect =
        r >= SUSPECT_POWER
            && c >= SUSPECT_POWER
            && r + c >= SUSPECT_ENERGY_SHARE * meanPower
            && r * SUSPECT_TWIST >= c
            && c * SUSPECT_TWIST >= r;
    int hit = suspect && confirms(row, col, meanPower) ? row * 4 + col : -1;
    track(hit, blockStart);
    if (suspect || current >= 0 || hit >= 0) {
      observer.toneSuspected(blockStart, blockStart + BLOCK);
    }
  }

  private boolean confirms(int row, int col, float meanPower) {
    float r = rowPower[row];
    float c = colPower[col];
    float[] rv = variantPower;
    float[] cv = variantPower2;
    variants(ROW_VARIANTS[row], COL_VARIANTS[col], rv, cv);
    float rFine = Math.max(r, Math.max(rv[0], rv[1]));
    float cFine = Math.max(c, Math.max(cv[0], cv[1]));
    if (rFine < MIN_POWER || cFine < MIN_POWER) {
      return false;
    }
    if (rFine * TWIST < cFine || cFine * TWIST < rFine) {
      return false;
    }
    if (rFine + cFine < TONE_ENERGY_SHARE * meanPower) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (i != row && rowPower[i] * RELATIVE_PEAK > rFine) {
        return false;
      }
      if (i != col && colPower[i] * RELATIVE_PEAK > cFine) {
        return false;
      }
    }
    if (rv[2] > r || rv[3] > r || cv[2] > c || cv[3] > c) {
      return false;
    }
    // Twice a row frequency may lie within 150 Hz of the column tone (keys 2, 3, 6, B, C), where
    // the column tone's leakage swamps the harmonic: there only the column harmonic is checked.
    boolean rowHarmonicMeasurable = Math.abs(2 * ROWS[row] - COLS[col]) > 150;
    // Measured against the stronger tone: its sidelobes leak into the weaker tone's harmonic bin.
    float stronger = Math.max(rFine, cFine);
    if (rowHarmonicMeasurable && rv[4] * HARMONIC > stronger) {
      return false;
    }
    return cv[4] * HARMONIC <= stronger;
  }

  private void track(int hit, long blockStart) {
    long blockEnd = blockStart + BLOCK;
    if (current >= 0) {
      if (hit == current) {
        misses = 0;
        lastHitEnd = blockEnd;
        return;
      }
      misses++;
      if (misses < 2) {
        candidate = hit;
        candidateStart = blockStart;
        return;
      }
      report();
    }
    if (hit < 0) {
      candidate = -1;
    } else if (hit == candidate && candidateStart == blockStart - BLOCK) {
      current = hit;
      currentStart = candidateStart;
      lastHitEnd = blockEnd;
      misses = 0;
      candidate = -1;
    } else {
      candidate = hit;
      candidateStart = blockStart;
    }
  }

  private void report() {
    DtmfDigit digit = DtmfDigit.of(DtmfDigit.KEYS.charAt(current), currentStart, lastHitEnd);
    current = -1;
    misses = 0;
    observer.digitDetected(digit);
  }

  /**
   * Ten Goertzel filters over the block in one pass: the five {@link #variants(double[])} of the
   * row tone into {@code out}, those of the column tone into {@code out2}.
   */
  private void variants(float[] k, float[] m, float[] out, float[] out2) {
    float k0 = k[0], k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4];
    float m0 = m[0], m1 = m[1], m2 = m[2], m3 = m[3], m4 = m[4];
    float a1 = 0, a2 = 0, b1 = 0, b2 = 0, c1 = 0, c2 = 0, d1 = 0, d2 = 0, e1 = 0, e2 = 0;
    float f1 = 0, f2 = 0, g1 = 0, g2 = 0, h1 = 0, h2 = 0, i1 = 0, i2 = 0, j1 = 0, j2 = 0;
    float[] x = block;
    for (int n = 0; n < BLOCK; n++) {
      float s = x[n];
      float a0 = Math.fma(k0, a1, s - a2);
      float b0 = Math.fma(k1, b1, s - b2);
      float c0 = Math.fma(k2, c1, s - c2);
      float d0 = Math.fma(k3, d1, s - d2);
      float e0 = Math.fma(k4, e1, s - e2);
      float f0 = Math.fma(m0, f1, s - f2);
      float g0 = Math.fma(m1, g1, s - g2);
      float h0 = Math.fma(m2, h1, s - h2);
      float i0 = Math.fma(m3, i1, s - i2);
      float j0 = Math.fma(m4, j1, s - j2);
      a2 = a1;
      a1 = a0;
      b2 = b1;
      b1 = b0;
      c2 = c1;
      c1 = c0;
      d2 = d1;
      d1 = d0;
      e2 = e1;
      e1 = e0;
      f2 = f1;
      f1 = f0;
      g2 = g1;
      g1 = g0;
      h2 = h1;
      h1 = h0;
      i2 = i1;
      i1 = i0;
      j2 = j1;
      j1 = j0;
    }
    out[0] = power(a1, a2, k0);
    out[1] = power(b1, b2, k1);
    out[2] = power(c1, c2, k2);
    out[3] = power(d1, d2, k3);
    out[4] = power(e1, e2, k4);
    out2[0] = power(f1, f2, m0);
    out2[1] = power(g1, g2, m1);
    out2[2] = power(h1, h2, m2);
    out2[3] = power(i1, i2, m3);
    out2[4] = power(j1, j2, m4);
  }

  private static float power(float s1, float s2, float coefficient) {
    return DtmfFilterBank.power(s1, s2, coefficient);
  }

  private static float coefficient(double hz) {
    return DtmfFilterBank.coefficient(hz);
  }

  private static int strongest(float[] p) {
    return DtmfFilterBank.strongest(p);
  }

  /** Per tone: coefficients at -1.5 %, +1.5 %, -5 %, +5 % and the second harmonic. */
  private static float[][] variants(double[] freqs) {
    float[][] v = new float[freqs.length][];
    for (int i = 0; i < freqs.length; i++) {
      double f = freqs[i];
      v[i] =
          new float[] {
            coefficient(f * (1 - FINE_DEVIATION)),
            coefficient(f * (1 + FINE_DEVIATION)),
            coefficient(f * (1 - PROBE_DEVIATION)),
            coefficient(f * (1 + PROBE_DEVIATION)),
            coefficient(2 * f)
          };
    }
    return v;
  }

  private static float power(double dbm0) {
    return (float) (ZERO_DBM0_POWER * Math.pow(10, dbm0 / 10));
  }

  private static float ratio(double db) {
    return (float) Math.pow(10, db / 10);
  }
}
