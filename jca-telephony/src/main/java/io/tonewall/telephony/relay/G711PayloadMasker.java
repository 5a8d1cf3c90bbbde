package io.tonewall.telephony.relay;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDigit;
import io.tonewall.telephony.dtmf.MaskingSignal;
import io.tonewall.telephony.dtmf.SecureAudioMasker;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The {@link PayloadMasker} of a secure agent leg over the audio package: decodes each G.711
 * payload, runs it through a {@link SecureAudioMasker} in secure mode (look-ahead delay, in-band
 * tones masked, key-down spans masked), and encodes the result back in place. In-band keys the
 * masker recognises go to the digit consumer, so a card field fills the same way whether the caller
 * sends tones or telephone-events. Not thread-safe: one per stream, on the relay thread.
 */
public final class G711PayloadMasker implements PayloadMasker {

  private static final int MAX_FRAME = 1500;

  private final boolean ulaw;
  private final int lookaheadMs;
  private final Consumer<DtmfDigit> inBandDigits;
  private final short[] samples = new short[MAX_FRAME];
  private final byte[] codes = new byte[MAX_FRAME];
  private SecureAudioMasker masker;

  private G711PayloadMasker(boolean ulaw, int lookaheadMs, Consumer<DtmfDigit> inBandDigits) {
    this.ulaw = ulaw;
    this.lookaheadMs = lookaheadMs;
    this.inBandDigits = inBandDigits;
    reset();
  }

  /**
   * @param audioPayloadType 0 (PCMU) or 8 (PCMA)
   * @param lookaheadMs how long the agent's audio is held back
   * @param inBandDigits receives each in-band key the masker recognises, once, on the relay thread
   */
  public static G711PayloadMasker of(
      int audioPayloadType, int lookaheadMs, Consumer<DtmfDigit> inBandDigits) {
    return new G711PayloadMasker(
        audioPayloadType == AgentLegFormat.PCMU, lookaheadMs, inBandDigits);
  }

  @Override
  public void mask(ByteBuffer payload, boolean keyDown) {
    int length = Math.min(payload.remaining(), MAX_FRAME);
    int start = payload.position();
    payload.get(start, codes, 0, length);
    if (ulaw) {
      G711.ulawToLinear(codes, 0, samples, 0, length);
    } else {
      G711.alawToLinear(codes, 0, samples, 0, length);
    }
    if (keyDown) {
      long from = masker.inputPosition();
      masker.maskKeyPress(from, from + length);
    }
    masker.process(samples, 0, length);
    if (ulaw) {
      G711.linearToUlaw(samples, 0, codes, 0, length);
    } else {
      G711.linearToAlaw(samples, 0, codes, 0, length);
    }
    payload.put(start, codes, 0, length);
  }

  @Override
  public void reset() {
    masker = new SecureAudioMasker(lookaheadMs, MaskingSignal.STANDARD, inBandDigits);
    masker.enterSecureMode();
  }

  /** Samples of a tone forwarded before it was recognised, since the last reset. */
  public long leakedSamples() {
    return masker.leakedSamples();
  }
}
