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
  private static final float MIN_POWER =
      (float) (DtmfDetector.ZERO_DBM0_POWER * Math.pow(10, MIN_LEVEL_DBM0 / 10));
  private static final float TWIST = ratio(MAX_TWIST_DB);
  private static final float SHARE = (float) TONE_ENERGY_SHARE;
  private static final float RELATIVE_PEAK = ratio(RELATIVE_PEAK_DB);

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
    float energy = DtmfFilterBank.analyse(block, rowPower, colPower);
    int row = DtmfFilterBank.strongest(rowPower);
    int col = DtmfFilterBank.strongest(colPower);
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

  private static float ratio(double db) {
    return (float) Math.pow(10, db / 10);
  }
}
