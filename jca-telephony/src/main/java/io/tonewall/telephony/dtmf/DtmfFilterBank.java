package io.tonewall.telephony.dtmf;

/**
 * The eight Goertzel filters of the DTMF grid (rows 697–941 Hz, columns 1209–1633 Hz) over one
 * {@link DtmfDetector#BLOCK}-sample block, and the block's energy, in a single pass: what the
 * masker's {@link DtmfDetector} and the deliberately over-sensitive {@link LeakSentinel} both
 * measure before each applies its own limits. Sixteen independent chains keep the FMA units busy
 * where two passes of four were bound by FMA latency. Stateless; no allocation.
 */
final class DtmfFilterBank {

  static final double[] ROWS = {697, 770, 852, 941};
  static final double[] COLS = {1209, 1336, 1477, 1633};

  private static final int BLOCK = DtmfDetector.BLOCK;
  private static final float NORM = 2.0f / (BLOCK * BLOCK);
  private static final float R0 = coefficient(ROWS[0]);
  private static final float R1 = coefficient(ROWS[1]);
  private static final float R2 = coefficient(ROWS[2]);
  private static final float R3 = coefficient(ROWS[3]);
  private static final float C0 = coefficient(COLS[0]);
  private static final float C1 = coefficient(COLS[1]);
  private static final float C2 = coefficient(COLS[2]);
  private static final float C3 = coefficient(COLS[3]);

  private DtmfFilterBank() {}

  /**
   * Filters the first {@link DtmfDetector#BLOCK} samples of {@code x}: each row tone's power into
   * {@code rowPower[0..3]}, each column tone's into {@code colPower[0..3]} (mean power of a sine at
   * that frequency, in squared sample units).
   *
   * @return the block's total energy (sum of squared samples)
   */
  static float analyse(float[] x, float[] rowPower, float[] colPower) {
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
    return energy;
  }

  /** The index of the largest value. */
  static int strongest(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }

  /** A Goertzel filter's output power from its last two states. */
  static float power(float s1, float s2, float coefficient) {
    return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) * NORM;
  }

  /** The Goertzel coefficient of a tone at {@code hz}, at 8 kHz sampling. */
  static float coefficient(double hz) {
    return (float) (2.0 * Math.cos(2.0 * Math.PI * hz / 8000.0));
  }
}
