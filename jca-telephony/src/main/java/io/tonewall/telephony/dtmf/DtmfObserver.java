package io.tonewall.telephony.dtmf;

/**
 * Receives what a {@link DtmfDetector} finds, on the thread that feeds it, in stream order.
 * Implementations must be quick: they run inside {@link DtmfDetector#process}.
 */
@FunctionalInterface
public interface DtmfObserver {

  /**
   * A key press ended (or the stream ended while it sounded). Called exactly once per key press.
   */
  void digitDetected(DtmfDigit digit);

  /**
   * Early, over-sensitive indicator: the analysis block {@code [fromSample, toSample)} may contain
   * DTMF energy — a tone possibly starting, a confirmed key still sounding, or the blocks just
   * after it. Called once per such block, before the key is confirmed and with far looser limits
   * than confirmation (so also now and then on speech); a masker uses it to start masking early.
   * The tone may have begun up to one block before {@code fromSample}.
   */
  default void toneSuspected(long fromSample, long toSample) {}
}
