package io.tonewall.telephony.dtmf;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hides DTMF from the agent on the caller → agent direction of one call: a streaming processor of 8
 * kHz 16-bit linear frames, frame in → frame out of the same length, in place.
 *
 * <h2>Modes</h2>
 *
 * <ul>
 *   <li><b>Normal</b>: frames pass unchanged and undelayed, and nothing is analysed: the masker
 *       only keeps the last few blocks of input. Switching secure mode on replays them through the
 *       detector first (block-aligned, as if it had listened all along), so that a tone in progress
 *       is known the moment secure mode starts. No digits are reported.
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
  private static final float STEP = 1f / RAMP;
  private static final int HISTORY_RUNS = 32;

  /**
   * Full detector blocks replayed at switch-on: enough for the detector to confirm a key sounding
   * through them (two hits) and to end one (two misses), so its state is what listening all along
   * would have given.
   */
  static final int PRIMING_BLOCKS = 4;

  private static final int PRIMING_SPAN = (PRIMING_BLOCKS + 1) * DtmfDetector.BLOCK;

  private final int lookahead;
  private final MaskingSignal signal;
  private final boolean silent;
  private final Consumer<DtmfDigit> digits;
  private final DtmfDetector detector;
  private final short[] ring;
  private final int ringMask;
  private final MaskingRuns runs;

  private boolean secure;
  private boolean delaying;
  private long inputPosition;
  private long outputPosition;
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
    this.silent = signal.isSilence();
    this.digits = Objects.requireNonNull(digits, "digits");
    this.detector = new DtmfDetector(new Listener());
    int capacity = Integer.highestOneBit(Math.max(lookahead + CHUNK, PRIMING_SPAN)) * 2;
    this.ring = new short[capacity];
    this.ringMask = capacity - 1;
    // every run but the one holding the output position and the one reaching past the input is
    // at least HANGOVER + 1 long including its gap, so this many fit ahead of the output; the rest
    // is history for leak accounting
    this.runs = new MaskingRuns((lookahead + CHUNK) / (HANGOVER + 1) + 2 + HISTORY_RUNS);
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
        toRing(frame, offset + i, inputPosition, n);
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
   *     been forwarded unmasked (those samples are counted in {@link #leakedSamples()}, once: a
   *     repeated call does not count them again, and samples already masked never count)
   * @throws IllegalArgumentException if {@code toSample < fromSample}
   */
  public boolean maskKeyPress(long fromSample, long toSample) {
    if (toSample < fromSample) {
      throw new IllegalArgumentException("span ends before it starts");
    }
    if (!delaying) {
      return false;
    }
    long forwarded = Math.min(toSample, outputPosition);
    boolean whole = runs.allMasked(fromSample, forwarded);
    if (!whole) {
      leaked += runs.countAndRecordLeak(fromSample, forwarded, outputPosition);
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
    primeDetector();
    delaying = true;
    boolean toneNow = detector.inDigit() || lastActivityEnd >= inputPosition - DtmfDetector.BLOCK;
    outputPosition = inputPosition - lookahead;
    int i = (int) (outputPosition & ringMask);
    int first = Math.min(lookahead, ring.length - i);
    Arrays.fill(ring, i, i + first, (short) 0);
    Arrays.fill(ring, 0, lookahead - first, (short) 0);
    runs.truncate(outputPosition);
    if (toneNow) {
      runs.addMasked(outputPosition, inputPosition + HANGOVER, outputPosition);
    }
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

  /**
   * Moves the stream on by {@code samples} that were passed on unchanged elsewhere (the relay's
   * native fast path, in normal mode): positions advance as if they had been processed, so that the
   * detector's blocks stay aligned as they would have been, and the delay line holds silence for
   * them. Normal mode only.
   *
   * @throws IllegalStateException while secure or still delaying
   * @throws IllegalArgumentException if {@code samples} is negative
   */
  public void skip(long samples) {
    if (secure || delaying) {
      throw new IllegalStateException("only normal-mode audio can be skipped");
    }
    if (samples < 0) {
      throw new IllegalArgumentException("cannot skip " + samples + " samples");
    }
    long silent = Math.min(samples, ring.length);
    for (long p = inputPosition + samples - silent; p < inputPosition + samples; p++) {
      ring[(int) (p & ringMask)] = 0;
    }
    inputPosition += samples;
    outputPosition = inputPosition;
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
   * Samples in secure mode that should have been masked but had already been forwarded unmasked
   * when the tone (or the RFC 4733 event) became known: for a detected tone, from one block before
   * the first suspicious block (the masked pre-roll, which may hold the tone's start); for an
   * event, its span. Each sample counts once, however often it is reported, and a sample that went
   * out masked never counts. Stays 0 with a look-ahead of 28 ms or more; a leak sentinel should
   * alarm on any increase. (Only the recent masking history is kept, a few dozen masked runs;
   * samples older than that count as leaked whenever a span reaches back to them.)
   */
  public long leakedSamples() {
    return leaked;
  }

  private void delayed(short[] frame, int offset, int n) {
    toRing(frame, offset, inputPosition, n);
    inputPosition += n;
    detector.process(frame, offset, n);
    long p = outputPosition;
    long end = p + n;
    int k = offset;
    int r = runs.firstEndingAfter(p);
    // runs ending after the output position are all masked (leaked runs lie before it)
    while (p < end) {
      if (r < runs.size() && runs.start(r) <= p) {
        long runEnd = runs.end(r);
        long to = Math.min(runEnd, end);
        mask(frame, k, p, to, r);
        k += (int) (to - p);
        p = to;
        if (to == runEnd) {
          r++;
        }
      } else {
        long to = r < runs.size() ? Math.min(runs.start(r), end) : end;
        int length = (int) (to - p);
        fromRing(p, frame, k, length);
        gain = 0;
        k += length;
        p = to;
      }
    }
    outputPosition = end;
    if (!secure) {
      leaveWhenClear();
    }
  }

  /**
   * Writes the masking signal for {@code [from, to)}, which lies in masked run {@code r}, to {@code
   * frame[offset..]}: fading in while the run continues {@value #RAMP} samples ahead, out when it
   * does not, full level in between.
   */
  private void mask(short[] frame, int offset, long from, long to, int r) {
    int length = (int) (to - from);
    if (silent) {
      Arrays.fill(frame, offset, offset + length, (short) 0);
      return;
    }
    signal.copyTo(from, frame, offset, length);
    // full level while the run goes on beyond the ramp; only the fades are scaled
    long steady = runs.end(r) - RAMP;
    long p = from;
    int k = offset;
    while (p < to) {
      if (gain == 1f && p < steady) {
        int n = (int) (Math.min(to, steady) - p);
        p += n;
        k += n;
      } else {
        boolean continues = p < steady || runs.isMaskedAt(p + RAMP, r + 1);
        gain = continues ? Math.min(1f, gain + STEP) : Math.max(0f, gain - STEP);
        frame[k] = (short) (frame[k] * gain);
        p++;
        k++;
      }
    }
  }

  /**
   * Normal mode only keeps the recent input in the delay line; at switch-on the detector hears the
   * last {@value #PRIMING_BLOCKS} whole blocks (and the incomplete one), block-aligned as if it had
   * listened all along, so that a key sounding now is known exactly as before. Samples older than
   * that cannot matter: a key is confirmed by two blocks and ended by two missed ones.
   */
  private void primeDetector() {
    long aligned = inputPosition - inputPosition % DtmfDetector.BLOCK;
    long from = Math.max(0, aligned - (long) PRIMING_BLOCKS * DtmfDetector.BLOCK);
    if (detector.position() < from) {
      detector.skipTo(from);
    }
    long p = detector.position();
    while (p < inputPosition) {
      int n = (int) Math.min(CHUNK, inputPosition - p);
      int i = (int) (p & ringMask);
      int first = Math.min(n, ring.length - i);
      detector.process(ring, i, first);
      if (first < n) {
        detector.process(ring, 0, n - first);
      }
      p += n;
    }
  }

  /** Puts {@code frame[offset..offset + n)} into the delay line at stream position {@code at}. */
  private void toRing(short[] frame, int offset, long at, int n) {
    int i = (int) (at & ringMask);
    int first = Math.min(n, ring.length - i);
    System.arraycopy(frame, offset, ring, i, first);
    if (first < n) {
      System.arraycopy(frame, offset + first, ring, 0, n - first);
    }
  }

  /** Takes {@code n} samples from stream position {@code at} out of the delay line into frame. */
  private void fromRing(long at, short[] frame, int offset, int n) {
    int i = (int) (at & ringMask);
    int first = Math.min(n, ring.length - i);
    System.arraycopy(ring, i, frame, offset, first);
    if (first < n) {
      System.arraycopy(ring, 0, frame, offset + first, n - first);
    }
  }

  private void leaveWhenClear() {
    if (!delaying || detector.inDigit() || runs.lastEnd() > outputPosition) {
      return;
    }
    delaying = false;
    outputPosition = inputPosition;
    gain = 0;
  }

  /**
   * Masks {@code [from, to)} from the output position on. The part still in the delay line is
   * masked exactly; the part not yet received joins the pending span of the future, and a gap
   * between them is masked too (conservative).
   */
  private void mark(long from, long to) {
    long start = Math.max(from, outputPosition);
    long end = to;
    if (to > inputPosition && runs.lastEnd() > inputPosition) {
      // merge with the pending span; a gap between them is masked too (conservative)
      start = Math.min(start, Math.max(runs.lastStart(), inputPosition));
      end = Math.max(end, runs.lastEnd());
    }
    runs.addMasked(start, end, outputPosition);
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
      // the pre-roll counts: the tone may have begun in the block before, too weak to flag it
      long from = fromSample - PRE_ROLL;
      if (from < outputPosition) {
        leaked += runs.countAndRecordLeak(from, Math.min(toSample, outputPosition), outputPosition);
      }
      mark(from, toSample + HANGOVER);
    }
  }
}
