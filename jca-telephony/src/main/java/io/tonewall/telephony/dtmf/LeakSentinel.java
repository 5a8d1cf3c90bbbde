package io.tonewall.telephony.dtmf;

import java.util.Arrays;
import java.util.Objects;

/**
 * A deliberately over-sensitive DTMF detector for audio that should hold no DTMF at all: the masked
 * caller → agent audio of a secure call. It answers one question per frame — did any part of it
 * look like a dual tone? — and never which key: it has no notion of keys, so it cannot leak one.
 *
 * <p>The audio is analysed in blocks of {@value DtmfDetector#BLOCK} samples that overlap by half (a
 * block ends every {@value #HOP} samples), so any tone of {@value #GUARANTEED_BURST_SAMPLES}
 * samples or more (19 ms) fills at least one block whatever its alignment. A block is a
 * <em>hit</em> when, on the strongest row and the strongest column tone (eight Goertzel filters):
 *
 * <ul>
 *   <li>each tone is at least {@value #MIN_LEVEL_DBM0} dBm0 (the main detector: -36);
 *   <li>twist is within {@value #MAX_TWIST_DB} dB either way (main: 9);
 *   <li>the two tones carry at least {@value #TONE_ENERGY_SHARE} of the block's energy (main: 0.85)
 *       — the one guard kept, since masking tones, speech and noise spread their energy elsewhere;
 *   <li>every other tone of the same group is at least {@value #RELATIVE_PEAK_DB} dB weaker (main:
 *       8).
 * </ul>
 *
 * <p>There is no duration requirement (one block suffices), no frequency-deviation probe and no
 * harmonic test. It therefore fires on tones the main detector refuses (too weak, too twisted, too
 * short) and, now and then, on speech; see docs/dtmf-evaluation.md for its false-alarm rate.
 *
 * <p>Not thread-safe: one sentinel per audio stream. No allocation after construction.
 */
public final class LeakSentinel {

  /** Samples between the ends of two consecutive analysis blocks (half a block). */
  public static final int HOP = DtmfDetector.BLOCK / 2;

  /** Shortest tone burst that always fills one analysis block: block + hop - 1 samples. */
  public static final int GUARANTEED_BURST_SAMPLES = DtmfDetector.BLOCK + HOP - 1;

  static final double MIN_LEVEL_DBM0 = -48.0;
  static final double MAX_TWIST_DB = 16.0;
  static final double TONE_ENERGY_SHARE = 0.6;
  static final double RELATIVE_PEAK_DB = 3.0;

  private static final int BLOCK = DtmfDetector.BLOCK;
  private static final float NORM = 2.0f / (BLOCK * BLOCK);
  private static final float MIN_POWER =
      (float) (DtmfDetector.ZERO_DBM0_POWER * Math.pow(10, MIN_LEVEL_DBM0 / 10));
  private static final float TWIST = ratio(MAX_TWIST_DB);
  private static final float SHARE = (float) TONE_ENERGY_SHARE;
  private static final float RELATIVE_PEAK = ratio(RELATIVE_PEAK_DB);

  private static final float R0 = coefficient(697);
  private static final float R1 = coefficient(770);
  private static final float R2 = coefficient(852);
  private static final float R3 = coefficient(941);
  private static final float C0 = coefficient(1209);
  private static final float C1 = coefficient(1336);
  private static final float C2 = coefficient(1477);
  private static final float C3 = coefficient(1633);

  private final float[] block = new float[BLOCK];
  private final float[] rowPower = new float[4];
  private final float[] colPower = new float[4];
  private int fill;
  private long blocksAnalysed;
  private long hits;

  /**
   * Feeds {@code length} samples from {@code samples[offset..]}.
   *
   * @return how many analysis blocks completed in these samples were hits (0: nothing suspicious)
   */
  public int examine(short[] samples, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, samples.length);
    int found = 0;
    int i = offset;
    int end = offset + length;
    while (i < end) {
      int n = Math.min(BLOCK - fill, end - i);
      for (int k = 0; k < n; k++) {
        block[fill + k] = samples[i + k];
      }
      fill += n;
      i += n;
      if (fill == BLOCK) {
        if (hit()) {
          found++;
        }
        System.arraycopy(block, HOP, block, 0, BLOCK - HOP);
        fill = BLOCK - HOP;
      }
    }
    hits += found;
    return found;
  }

  /** Forgets the samples of a block not yet complete: the next block starts with the next frame. */
  public void reset() {
    Arrays.fill(block, 0f);
    fill = 0;
  }

  /** Analysis blocks completed since construction. */
  public long blocksAnalysed() {
    return blocksAnalysed;
  }

  /** Blocks that were hits since construction. */
  public long hits() {
    return hits;
  }

  private boolean hit() {
    blocksAnalysed++;
    float[] x = block;
    float energy = 0;
    float a1 = 0, a2 = 0, b1 = 0, b2 = 0, c1 = 0, c2 = 0, d1 = 0, d2 = 0;
    float e1 = 0, e2 = 0, f1 = 0, f2 = 0, g1 = 0, g2 = 0, h1 = 0, h2 = 0;
    for (int i = 0; i < BLOCK; i++) {
      float s = x[i];
      energy = Math.fma(s, s, energy);
      float a0 = Math.fma(R0, a1, s - a2);
      float b0 = Math.fma(R1, b1, s - b2);
      float c0 = Math.fma(R2, c1, s - c2);
      float d0 = Math.fma(R3, d1, s - d2);
      float e0 = Math.fma(C0, e1, s - e2);
      float f0 = Math.fma(C1, f1, s - f2);
      float g0 = Math.fma(C2, g1, s - g2);
      float h0 = Math.fma(C3, h1, s - h2);
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
    }
    rowPower[0] = power(a1, a2, R0);
    rowPower[1] = power(b1, b2, R1);
    rowPower[2] = power(c1, c2, R2);
    rowPower[3] = power(d1, d2, R3);
    colPower[0] = power(e1, e2, C0);
    colPower[1] = power(f1, f2, C1);
    colPower[2] = power(g1, g2, C2);
    colPower[3] = power(h1, h2, C3);
    int row = strongest(rowPower);
    int col = strongest(colPower);
    float r = rowPower[row];
    float c = colPower[col];
    if (r < MIN_POWER || c < MIN_POWER) {
      return false;
    }
    if (r * TWIST < c || c * TWIST < r) {
      return false;
    }
    if (r + c < SHARE * (energy / BLOCK)) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (i != row && rowPower[i] * RELATIVE_PEAK > r) {
        return false;
      }
      if (i != col && colPower[i] * RELATIVE_PEAK > c) {
        return false;
      }
    }
    return true;
  }

  private static int strongest(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  private static float power(float s1, float s2, float coefficient) {
    return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) * NORM;
  }

  private static float coefficient(double hz) {
    return (float) (2.0 * Math.cos(2.0 * Math.PI * hz / 8000.0));
  }

  private static float ratio(double db) {
    return (float) Math.pow(10, db / 10);
  }
}
