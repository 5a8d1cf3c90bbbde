package io.tonewall.telephony.dtmf;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hides DTMF from the agent on the caller → agent direction of one call: a streaming processor of 8
 * kHz 16-bit linear frames, frame in → frame out of the same length, in place.
 *
 * <h2>Modes</h2>
 *
 * <ul>
 *   <li><b>Normal</b>: frames pass unchanged and undelayed. The detector still listens, so that a
 *       tone in progress is known the moment secure mode starts; no digits are reported.
 *   <li><b>Secure</b>: output is held back by the look-ahead (default {@value
 *       #DEFAULT_LOOKAHEAD_MS} ms). Every sample from one analysis block before the first block in
 *       which the detector {@linkplain DtmfObserver#toneSuspected suspects} a tone, through {@value
 *       #HANGOVER_MS} ms after the last such block (which includes every block of a confirmed key),
 *       is replaced by the {@link MaskingSignal} — the tone fades in and out over 4 ms but never
 *       carries any of the caller's audio. With a look-ahead of at least 28 ms the whole span is
 *       still in the delay line when the decision is taken, so no tone sample is forwarded first;
 *       {@link #leakedSamples()} counts any that were. Keys are reported to the digit consumer once
 *       each, when they end.
 * </ul>
 *
 * <h2>Switching</h2>
 *
 * <ul>
 *   <li><b>Normal → secure</b> ({@link #enterSecureMode()}): the output jumps back by the
 *       look-ahead — the next frames start with look-ahead's worth of fill before the caller's
 *       audio resumes, delayed. The fill is silence, or the masking signal if a tone was sounding
 *       or suspected in the last block; in that case masking also covers the new input at once, to
 *       the end of that tone and its hang-over.
 *   <li><b>Secure → normal</b> ({@link #leaveSecureMode()}): masking and delay go on until no key
 *       is sounding, no tone is suspected, and nothing masked is left in the delay line; then the
 *       undelivered look-ahead (at most {@value #DEFAULT_LOOKAHEAD_MS} ms of caller audio with no
 *       tone in it) is dropped and frames pass undelayed. A new tone during that wait is masked
 *       too. Nothing unmasked that the detector flagged is ever emitted by a switch.
 * </ul>
 *
 * <p>Time is the stream's sample position: the first sample ever given to {@link #process} is
 * position 0, and every sample given advances it by one — the caller of this class must feed a
 * continuous timeline (fill lost or event-only packets with a frame of zeros) so that positions
 * match RTP timestamps minus the stream's first timestamp.
 *
 * <p>Not thread-safe: one masker per caller → agent stream, fed by one thread. No allocation per
 * frame.
 */
public final class SecureAudioMasker {

  /** Default look-ahead (agent audio delay in secure mode). */
  public static final int DEFAULT_LOOKAHEAD_MS = 40;

  /** Masking continues this long after the last block with DTMF energy. */
  public static final int HANGOVER_MS = 20;

  private static final int HANGOVER = HANGOVER_MS * 8;
  private static final int PRE_ROLL = DtmfDetector.BLOCK + 16;
  private static final int CHUNK = 160;
  private static final int RAMP = 32;

  private final int lookahead;
  private final MaskingSignal signal;
  private final Consumer<DtmfDigit> digits;
  private final DtmfDetector detector;
  private final short[] ring;
  private final boolean[] flags;
  private final int ringMask;

  private boolean secure;
  private boolean delaying;
  private long inputPosition;
  private long outputPosition;
  private long maskFrom;
  private long markedFrom;
  private long markedTo;
  private long maskUntil;
  private long lastActivityEnd = Long.MIN_VALUE;
  private long leaked;
  private float gain;

  /**
   * A masker in normal mode with the default look-ahead and {@link MaskingSignal#STANDARD}.
   *
   * @param digits receives each key captured in secure mode, once, when it ends
   */
  public SecureAudioMasker(Consumer<DtmfDigit> digits) {
    this(DEFAULT_LOOKAHEAD_MS, MaskingSignal.STANDARD, digits);
  }

  /**
   * A masker in normal mode.
   *
   * @param lookaheadMs secure-mode delay, 0..200 ms; below 28 ms the start of a tone can leak
   * @param signal what replaces key tones
   * @param digits receives each key captured in secure mode, once, when it ends
   * @throws IllegalArgumentException if the look-ahead is out of range
   */
  public SecureAudioMasker(int lookaheadMs, MaskingSignal signal, Consumer<DtmfDigit> digits) {
    if (lookaheadMs < 0 || lookaheadMs > 200) {
      throw new IllegalArgumentException("look-ahead must be 0..200 ms, not " + lookaheadMs);
    }
    this.lookahead = lookaheadMs * 8;
    this.signal = Objects.requireNonNull(signal, "signal");
    this.digits = Objects.requireNonNull(digits, "digits");
    this.detector = new DtmfDetector(new Listener());
    int capacity = Integer.highestOneBit(lookahead + CHUNK + RAMP) * 2;
    this.ring = new short[capacity];
    this.flags = new boolean[capacity];
    this.ringMask = capacity - 1;
  }

  /** Processes a whole frame in place. */
  public void process(short[] frame) {
    process(frame, 0, frame.length);
  }

  /**
   * Processes {@code length} samples of {@code frame} from {@code offset}, in place: on return they
   * hold what the agent must hear for this stretch of the stream. Any length.
   */
  public void process(short[] frame, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, frame.length);
    for (int i = 0; i < length; i += CHUNK) {
      int n = Math.min(CHUNK, length - i);
      if (delaying) {
        delayed(frame, offset + i, n);
      } else {
        detector.process(frame, offset + i, n);
        inputPosition += n;
        outputPosition = inputPosition;
      }
    }
  }

  /**
   * Marks a key press reported by an RFC 4733 telephone-event, so that the agent hears the same
   * masking signal as for an in-band key: samples {@code [fromSample, toSample)} of the stream
   * (plus the usual hang-over) are replaced as they leave the delay line.
   *
   * <p>Contract for the packet-level stream: positions are in this masker's timeline (see the class
   * comment: RTP timestamp minus the stream's first timestamp, for an 8 kHz clock). Call it when a
   * telephone-event packet arrives, before processing the audio frame of the same timestamp; call
   * it again with a larger {@code toSample} as the event's duration grows (calls are idempotent and
   * spans merge). If the event replaced the audio, still call {@link #process} with a frame of
   * zeros for that time, so that the timeline stays continuous and the masking audio comes out of
   * it. The span may lie in the future. Only secure mode masks; in normal mode the call does
   * nothing. Does not report a digit: the event itself carries it.
   *
   * @return true if the whole span was masked; false in normal mode or if part of it had already
   *     been forwarded (that part is counted in {@link #leakedSamples()})
   * @throws IllegalArgumentException if {@code toSample < fromSample}
   */
  public boolean maskKeyPress(long fromSample, long toSample) {
    if (toSample < fromSample) {
      throw new IllegalArgumentException("span ends before it starts");
    }
    if (!delaying) {
      return false;
    }
    boolean whole = fromSample >= outputPosition;
    if (!whole) {
      leaked += Math.min(toSample, outputPosition) - fromSample;
    }
    mark(fromSample, toSample + HANGOVER);
    return whole;
  }

  /**
   * Starts secure mode now: output is delayed by the look-ahead from the next sample, and a tone in
   * progress is masked at once. No effect if already secure.
   */
  public void enterSecureMode() {
    secure = true;
    if (delaying) {
      return;
    }
    delaying = true;
    boolean toneNow = detector.inDigit() || lastActivityEnd >= inputPosition - DtmfDetector.BLOCK;
    outputPosition = inputPosition - lookahead;
    for (long p = outputPosition; p < inputPosition; p++) {
      int i = (int) (p & ringMask);
      ring[i] = 0;
      flags[i] = toneNow;
    }
    markedFrom = 0;
    markedTo = 0;
    maskFrom = inputPosition;
    maskUntil = toneNow ? inputPosition + HANGOVER : inputPosition;
  }

  /**
   * Asks for normal mode: masking and delay continue until the current tone and its hang-over have
   * left the delay line, then frames pass undelayed (see the class comment).
   */
  public void leaveSecureMode() {
    secure = false;
    leaveWhenClear();
  }

  /** Whether secure mode is requested. */
  public boolean isSecure() {
    return secure;
  }

  /** Whether output is currently delayed by the look-ahead (secure, or still leaving it). */
  public boolean isDelaying() {
    return delaying;
  }

  /** Stream position of the next input sample. */
  public long inputPosition() {
    return inputPosition;
  }

  /** Stream position of the next output sample (input position minus the current delay). */
  public long outputPosition() {
    return outputPosition;
  }

  /** The secure-mode look-ahead in samples. */
  public int lookaheadSamples() {
    return lookahead;
  }

  /** The masking signal. */
  public MaskingSignal maskingSignal() {
    return signal;
  }

  /**
   * Samples in secure mode that should have been masked but had already been forwarded when the
   * tone (or the RFC 4733 event) became known. Stays 0 with the default look-ahead; a leak sentinel
   * should alarm on any increase.
   */
  public long leakedSamples() {
    return leaked;
  }

  private void delayed(short[] frame, int offset, int n) {
    for (int k = 0; k < n; k++) {
      long p = inputPosition + k;
      int i = (int) (p & ringMask);
      ring[i] = frame[offset + k];
      flags[i] = p >= maskFrom && p < maskUntil;
    }
    inputPosition += n;
    detector.process(frame, offset, n);
    boolean silent = signal.isSilence();
    for (int k = 0; k < n; k++) {
      long p = outputPosition + k;
      int i = (int) (p & ringMask);
      if (flags[i]) {
        long ahead = p + RAMP;
        boolean continues =
            ahead < inputPosition
                ? flags[(int) (ahead & ringMask)]
                : ahead >= maskFrom && ahead < maskUntil;
        gain = continues ? Math.min(1f, gain + 1f / RAMP) : Math.max(0f, gain - 1f / RAMP);
        frame[offset + k] = silent ? 0 : (short) (signal.sampleAt(p) * gain);
      } else {
        gain = 0;
        frame[offset + k] = ring[i];
      }
    }
    outputPosition += n;
    if (!secure) {
      leaveWhenClear();
    }
  }

  private void leaveWhenClear() {
    if (!delaying || detector.inDigit() || maskUntil > inputPosition) {
      return;
    }
    for (long p = outputPosition; p < inputPosition; p++) {
      if (flags[(int) (p & ringMask)]) {
        return;
      }
    }
    delaying = false;
    outputPosition = inputPosition;
    gain = 0;
  }

  private void mark(long from, long to) {
    long start = Math.max(from, outputPosition);
    long end = Math.min(to, inputPosition);
    // [markedFrom, markedTo) is known to be flagged already: write only the new part
    if (start >= markedFrom && start <= markedTo) {
      start = markedTo;
      markedTo = Math.max(markedTo, end);
    } else if (end > start) {
      markedFrom = start;
      markedTo = end;
    }
    for (long p = start; p < end; p++) {
      flags[(int) (p & ringMask)] = true;
    }
    if (to > inputPosition) {
      long futureFrom = Math.max(from, inputPosition);
      if (maskUntil <= inputPosition) {
        maskFrom = futureFrom;
        maskUntil = to;
      } else {
        // merge with the pending span; a gap between them is masked too (conservative)
        maskFrom = Math.min(maskFrom, futureFrom);
        maskUntil = Math.max(maskUntil, to);
      }
    }
  }

  private final class Listener implements DtmfObserver {

    @Override
    public void digitDetected(DtmfDigit digit) {
      if (delaying) {
        digits.accept(digit);
      }
    }

    @Override
    public void toneSuspected(long fromSample, long toSample) {
      lastActivityEnd = toSample;
      if (!delaying) {
        return;
      }
      if (fromSample < outputPosition) {
        leaked += Math.min(toSample, outputPosition) - fromSample;
      }
      mark(fromSample - PRE_ROLL, toSample + HANGOVER);
    }
  }
}
