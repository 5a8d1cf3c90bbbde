package io.tonewall.telephony.dtmf;

import java.util.Arrays;
import java.util.Random;

/**
 * Builds 8 kHz test audio: DTMF tones at dBm0 levels (spandsp convention: 0 dBm0 = a sine of peak
 * 32768 * 10^(-3.14/20)), silences, seeded white noise. Positions are sample indices.
 */
final class Signal {

  static final double[] ROWS = {697, 770, 852, 941};
  static final double[] COLS = {1209, 1336, 1477, 1633};

  private double[] samples = new double[0];

  static Signal create() {
    return new Signal();
  }

  static double peak(double dbm0) {
    return 32768.0 * Math.pow(10, (dbm0 - 3.14) / 20);
  }

  static double rowOf(char key) {
    return ROWS[DtmfDigit.KEYS.indexOf(key) / 4];
  }

  static double colOf(char key) {
    return COLS[DtmfDigit.KEYS.indexOf(key) % 4];
  }

  int length() {
    return samples.length;
  }

  Signal silence(double ms) {
    grow(samples(ms));
    return this;
  }

  Signal key(char key, double ms, double dbm0) {
    return key(key, ms, dbm0, dbm0, 1, 1);
  }

  Signal key(
      char key, double ms, double lowDbm0, double highDbm0, double lowFactor, double hiFactor) {
    return tones(
        ms,
        new double[] {rowOf(key) * lowFactor, colOf(key) * hiFactor},
        new double[] {lowDbm0, highDbm0});
  }

  /** Sum of sines at the given frequencies and levels (dBm0), phases starting at 0. */
  Signal tones(double ms, double[] hz, double[] dbm0) {
    int start = samples.length;
    int n = samples(ms);
    grow(n);
    for (int t = 0; t < n; t++) {
      double v = 0;
      for (int k = 0; k < hz.length; k++) {
        v += peak(dbm0[k]) * Math.sin(2 * Math.PI * hz[k] * t / 8000.0);
      }
      samples[start + t] = v;
    }
    return this;
  }

  /**
   * Adds Gaussian white noise so that the signal's mean power over its loud samples / noise = snr.
   */
  Signal noise(double snrDb, long seed) {
    double power = 0;
    int loud = 0;
    for (double s : samples) {
      if (s != 0) {
        power += s * s;
        loud++;
      }
    }
    double sigma = Math.sqrt(power / Math.max(1, loud) / Math.pow(10, snrDb / 10));
    Random random = new Random(seed);
    for (int i = 0; i < samples.length; i++) {
      samples[i] += sigma * random.nextGaussian();
    }
    return this;
  }

  short[] toShorts() {
    short[] out = new short[samples.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(samples[i])));
    }
    return out;
  }

  private static int samples(double ms) {
    return (int) Math.round(ms * 8);
  }

  private void grow(int n) {
    samples = Arrays.copyOf(samples, samples.length + n);
  }
}
