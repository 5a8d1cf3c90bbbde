package io.tonewall.telephony.relay;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDigit;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.dtmf.MalformedTelephoneEventException;
import io.tonewall.telephony.dtmf.MaskingSignal;
import io.tonewall.telephony.dtmf.SecureAudioMasker;
import io.tonewall.telephony.dtmf.TelephoneEvent;
import io.tonewall.telephony.dtmf.TelephoneEventCodec;
import io.tonewall.telephony.dtmf.TelephoneEventReceiver;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import io.tonewall.telephony.rtp.RtpTimestamp;
import io.tonewall.telephony.rtp.SequenceRewriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The caller → agent direction of a call, packet by packet, around the audio package's {@link
 * SecureAudioMasker} (RTCP is passed through by the relay before it gets here).
 *
 * <p><b>Normal mode</b>: every packet is returned as it came, at once; only its sequence number is
 * shifted if an earlier secure period dropped or created packets. The masker still listens to the
 * audio (decoded from a copy), so that a tone in progress is known when secure mode begins.
 *
 * <p><b>Secure mode</b> (and, after {@link #leaveSecureMode()}, until the masker has drained):
 *
 * <ul>
 *   <li>G.711 audio is decoded, masked with the masker's look-ahead (40 ms by default: the agent
 *       hears the caller that much later) and re-encoded in place. Packets for a time already
 *       covered (late, or overtaken by created audio) are dropped, so that the masker sees one
 *       timeline in order. A gap (loss, silence suppression) is bridged with created packets until
 *       the audio held back in the masker is out; the rest of a longer gap is skipped.
 *   <li>Telephone-event packets are never forwarded. Each key goes once to the key-press consumer
 *       ({@link TelephoneEventReceiver}); its span goes to {@link SecureAudioMasker#maskKeyPress};
 *       where the caller sends no audio for the event's time, packets of the negotiated G.711 type
 *       are created for it, carrying the masking signal, so the agent hears the same tone however a
 *       key was sent.
 *   <li>Keys the masker detects in-band go to the same consumer, unless an RFC 4733 event already
 *       covered their time (phones that send both).
 *   <li>Packets of any other payload type are dropped: they cannot be masked.
 *   <li>Sequence numbers stay continuous across drops and creations ({@link SequenceRewriter});
 *       timestamps and SSRC stay those of the caller's stream; a created packet after a gap carries
 *       the marker bit.
 * </ul>
 *
 * <p>After secure mode ends, telephone-event packets of a key that began during it are still
 * dropped, so the tail of a key press never reaches the agent. Audio and telephone-events must
 * share the SSRC and the 8 kHz timestamp clock.
 *
 * <p>Threads: {@link #enterSecureMode()} and {@link #leaveSecureMode()} may be called from any
 * thread (the session's); the request takes effect at the next packet. Everything else belongs to
 * the one thread that feeds the stream; the key-press consumer runs on it and must not block.
 */
public final class AgentLegStream {

  private static final int REMEMBERED_EVENT_SPANS = 4;
  private static final int NO_INCOMING = -1;
  private static final int HANGOVER_SAMPLES = SecureAudioMasker.HANGOVER_MS * 8;

  private final AgentLegFormat format;
  private final SecureAudioMasker masker;
  private final Consumer<DtmfKeyPress> keyPresses;
  private final SequenceRewriter sequence = SequenceRewriter.create();
  private final RtpPacketWriter writer = RtpPacketWriter.create();

  private short[] samples = new short[480];
  private byte[] codes = new byte[480];

  private TelephoneEventReceiver receiver = TelephoneEventReceiver.create();
  private volatile boolean secureRequested;
  private boolean secure;
  private long ssrc;
  private long malformedEvents;

  private boolean timelineKnown;
  private boolean skipBeforeAudio;
  private long base;
  private boolean markNext;

  private boolean keyKnown;
  private long keyStart;
  private final long[] eventSpanStarts = new long[REMEMBERED_EVENT_SPANS];
  private final long[] eventSpanEnds = new long[REMEMBERED_EVENT_SPANS];
  private int eventSpanCount;
  private int eventSpanNext;

  private AgentLegStream(
      AgentLegFormat format,
      int lookaheadMs,
      MaskingSignal signal,
      Consumer<DtmfKeyPress> keyPresses) {
    this.format = format;
    this.keyPresses = keyPresses;
    this.masker = new SecureAudioMasker(lookaheadMs, signal, this::onInBandDigit);
    writer.payloadType(format.audioPayloadType());
  }

  /**
   * A stream in normal mode with the masker's default look-ahead and masking tone.
   *
   * @param keyPresses receives each key pressed during secure mode, once, on the calling thread
   */
  public static AgentLegStream create(AgentLegFormat format, Consumer<DtmfKeyPress> keyPresses) {
    return create(
        format, SecureAudioMasker.DEFAULT_LOOKAHEAD_MS, MaskingSignal.STANDARD, keyPresses);
  }

  /**
   * A stream in normal mode.
   *
   * @param lookaheadMs the masker's look-ahead, 0..200 ms (below 28 ms a tone's start can leak)
   * @param signal what the agent hears instead of a key
   * @param keyPresses receives each key pressed during secure mode, once, on the calling thread
   * @throws IllegalArgumentException if the look-ahead is out of range
   */
  public static AgentLegStream create(
      AgentLegFormat format,
      int lookaheadMs,
      MaskingSignal signal,
      Consumer<DtmfKeyPress> keyPresses) {
    return new AgentLegStream(
        Objects.requireNonNull(format, "format"),
        lookaheadMs,
        Objects.requireNonNull(signal, "signal"),
        Objects.requireNonNull(keyPresses, "keyPresses"));
  }

  /**
   * Asks for secure mode from the next packet on (see {@link SecureAudioMasker#enterSecureMode()}).
   * Any thread.
   */
  public void enterSecureMode() {
    secureRequested = true;
  }

  /**
   * Asks for normal mode from the next packet on: masking and delay go on until no key is sounding
   * and nothing masked is held back (see {@link SecureAudioMasker#leaveSecureMode()}); then packets
   * pass unchanged. Any thread.
   */
  public void leaveSecureMode() {
    secureRequested = false;
  }

  /**
   * @return what is added to each incoming sequence number in normal mode (0 to 65535), so that an
   *     earlier secure period's drops and creations leave no gap (the stream's thread only)
   */
  public int sequenceOffset() {
    return sequence.offset();
  }

  /**
   * @return true while secure mode is requested
   */
  public boolean isSecure() {
    return secureRequested;
  }

  /**
   * @return true while packets are being masked: in secure mode, and after it until the masker has
   *     drained (the stream's thread only)
   */
  public boolean isMasking() {
    return secure || masker.isDelaying();
  }

  /**
   * @return samples that should have been masked but had already been sent (see {@link
   *     SecureAudioMasker#leakedSamples()}); a leak sentinel alarms on any increase
   */
  public long leakedSamples() {
    return masker.leakedSamples();
  }

  /**
   * @return telephone-event packets dropped while masking because their payload was not whole event
   *     blocks
   */
  public long malformedEvents() {
    return malformedEvents;
  }

  /**
   * Takes one RTP packet from the caller that was already forwarded elsewhere (the relay's native
   * fast path, in normal mode, with {@link #sequenceOffset()}): the masker hears it and the
   * numbering moves on to it, and nothing is returned to send. The first of a run of such packets
   * must say so ({@code first}): the numbering then restarts from it, however far it has moved, and
   * the masker skips the audio between what it last heard and it (as continuous audio, so that its
   * detector's blocks fall where they would have had it heard every packet).
   *
   * @throws IllegalStateException while masking (packets forwarded elsewhere were not masked)
   */
  public void replay(RtpPacket packet, boolean first) {
    if (isMasking() || secureRequested) {
      throw new IllegalStateException("packets forwarded unmasked cannot be replayed while secure");
    }
    if (first) {
      sequence.resume(packet.sequenceNumber());
      skipBeforeAudio = true;
    }
    if (skipBeforeAudio && packet.payloadType() == format.audioPayloadType()) {
      skipBeforeAudio = false;
      if (timelineKnown) {
        long skipped = RtpTimestamp.distance(coveredUntil(), packet.timestamp());
        if (skipped > 0) {
          masker.skip(skipped);
        }
      }
    }
    process(packet);
  }

  /**
   * Takes one RTP packet from the caller.
   *
   * @return the packets to send to the agent, in order: usually the same packet (rewritten in
   *     place), none when it is dropped, several when packets are created
   */
  public List<RtpPacket> process(RtpPacket packet) {
    applyRequestedMode();
    int payloadType = packet.payloadType();
    if (payloadType == format.audioPayloadType()) {
      return onAudio(packet);
    }
    if (payloadType == format.telephoneEventPayloadType()) {
      return onTelephoneEvent(packet);
    }
    if (isMasking()) {
      sequence.drop(packet);
      return List.of();
    }
    sequence.forward(packet);
    return List.of(packet);
  }

  private void applyRequestedMode() {
    boolean requested = secureRequested;
    if (requested && !secure) {
      secure = true;
      receiver = TelephoneEventReceiver.create();
      masker.enterSecureMode();
    } else if (!requested && secure) {
      secure = false;
      masker.leaveSecureMode();
    }
  }

  private List<RtpPacket> onAudio(RtpPacket packet) {
    long start = packet.timestamp();
    int length = packet.payloadLength();
    ssrc = packet.ssrc();
    boolean masking = isMasking();
    if (masking) {
      receiver.expire(start).ifPresent(keyPresses);
    }
    anchorTimeline(start);
    long gap = RtpTimestamp.distance(coveredUntil(), start);
    if (gap < 0) {
      if (masking) {
        sequence.drop(packet);
        return List.of();
      }
      sequence.forward(packet);
      return List.of(packet);
    }
    List<RtpPacket> out = gap > 0 && masking ? new ArrayList<>(2) : List.of();
    bridge(gap, masking, packet.sequenceNumber(), out);
    decode(packet.buffer(), packet.payloadOffset(), length);
    masker.process(samples, 0, length);
    if (masking) {
      encode(packet.buffer(), packet.payloadOffset(), length);
    }
    markNext = false;
    sequence.forward(packet);
    if (out.isEmpty()) {
      return List.of(packet);
    }
    out.add(packet);
    return out;
  }

  private List<RtpPacket> onTelephoneEvent(RtpPacket packet) {
    if (!isMasking()) {
      if (keyKnown && !RtpTimestamp.isNewer(packet.timestamp(), keyStart)) {
        sequence.drop(packet);
        return List.of();
      }
      sequence.forward(packet);
      return List.of(packet);
    }
    sequence.drop(packet);
    ssrc = packet.ssrc();
    List<TelephoneEvent> blocks;
    try {
      blocks = TelephoneEventCodec.decode(packet.payload());
      receiver.receive(packet).forEach(keyPresses);
    } catch (MalformedTelephoneEventException malformed) {
      malformedEvents++;
      return List.of();
    }
    long start = packet.timestamp();
    for (int i = 0; i < blocks.size() - 1; i++) {
      start = RtpTimestamp.add(start, blocks.get(i).duration());
    }
    TelephoneEvent current = blocks.get(blocks.size() - 1);
    if (current.key().isEmpty()) {
      return List.of();
    }
    long end = RtpTimestamp.add(start, current.duration());
    rememberKey(start, end);
    anchorTimeline(start);
    List<RtpPacket> out = new ArrayList<>(2);
    long gap = RtpTimestamp.distance(coveredUntil(), start);
    if (gap > 0) {
      bridge(gap, true, NO_INCOMING, out);
    }
    long from = masker.inputPosition() + RtpTimestamp.distance(coveredUntil(), start);
    masker.maskKeyPress(from, from + current.duration());
    while (RtpTimestamp.distance(coveredUntil(), end) >= format.frameSamples()) {
      out.add(createPacket(format.frameSamples(), sequence.insert()));
    }
    return out;
  }

  /**
   * Brings the masker's timeline up to a packet {@code gap} samples ahead of it: while masking,
   * created packets carry out the audio held back (taking the numbers of packets lost before {@code
   * nextIncoming}, if any); the rest of the gap is skipped.
   */
  private void bridge(long gap, boolean masking, int nextIncoming, List<RtpPacket> out) {
    long bridged = 0;
    if (masking) {
      long flush = masker.lookaheadSamples() + HANGOVER_SAMPLES + format.frameSamples();
      while (bridged < gap && bridged < flush) {
        int length = (int) Math.min(format.frameSamples(), gap - bridged);
        int seq =
            nextIncoming == NO_INCOMING ? sequence.insert() : sequence.insertBefore(nextIncoming);
        out.add(createPacket(length, seq));
        bridged += length;
      }
    }
    if (gap > bridged) {
      base = RtpTimestamp.add(base, gap - bridged);
      markNext = true;
    }
  }

  /**
   * Creates a packet at the end of the timeline from a frame of zeros through the masker; the first
   * one after a skipped stretch of timeline carries the marker.
   */
  private RtpPacket createPacket(int length, int sequenceNumber) {
    boolean marker = markNext;
    markNext = false;
    ensureCapacity(length);
    long timestamp = coveredUntil();
    Arrays.fill(samples, 0, length, (short) 0);
    masker.process(samples, 0, length);
    RtpPacket packet =
        writer
            .marker(marker)
            .sequenceNumber(sequenceNumber)
            .timestamp(timestamp)
            .ssrc(ssrc)
            .writeHeaderTo(ByteBuffer.allocate(writer.packetLength(length)), length);
    encode(packet.buffer(), packet.payloadOffset(), length);
    return packet;
  }

  private void onInBandDigit(DtmfDigit digit) {
    long start = RtpTimestamp.add(base, digit.startSample());
    long end = RtpTimestamp.add(base, digit.endSample());
    if (coveredByEvent(start, end)) {
      return;
    }
    DtmfKey.fromSymbol(digit.symbol())
        .ifPresent(
            key ->
                keyPresses.accept(
                    DtmfKeyPress.of(key, ssrc, start, digit.durationSamples(), true)));
  }

  private void rememberKey(long start, long end) {
    if (!keyKnown || RtpTimestamp.isNewer(start, keyStart)) {
      keyKnown = true;
      keyStart = start;
      eventSpanStarts[eventSpanNext] = start;
      eventSpanEnds[eventSpanNext] = end;
      eventSpanNext = (eventSpanNext + 1) % REMEMBERED_EVENT_SPANS;
      eventSpanCount = Math.min(eventSpanCount + 1, REMEMBERED_EVENT_SPANS);
    } else if (start == keyStart) {
      int latest = (eventSpanNext + REMEMBERED_EVENT_SPANS - 1) % REMEMBERED_EVENT_SPANS;
      if (RtpTimestamp.isNewer(end, eventSpanEnds[latest])) {
        eventSpanEnds[latest] = end;
      }
    }
  }

  private boolean coveredByEvent(long start, long end) {
    for (int i = 0; i < eventSpanCount; i++) {
      long spanEnd = RtpTimestamp.add(eventSpanEnds[i], HANGOVER_SAMPLES);
      if (RtpTimestamp.distance(start, spanEnd) > 0
          && RtpTimestamp.distance(eventSpanStarts[i], end) > 0) {
        return true;
      }
    }
    return false;
  }

  private void anchorTimeline(long timestamp) {
    if (!timelineKnown) {
      timelineKnown = true;
      base = RtpTimestamp.add(timestamp, -masker.inputPosition());
    }
  }

  private long coveredUntil() {
    return RtpTimestamp.add(base, masker.inputPosition());
  }

  private void decode(ByteBuffer packet, int payloadOffset, int length) {
    ensureCapacity(length);
    packet.get(payloadOffset, codes, 0, length);
    if (format.audioPayloadType() == AgentLegFormat.PCMU) {
      G711.ulawToLinear(codes, 0, samples, 0, length);
    } else {
      G711.alawToLinear(codes, 0, samples, 0, length);
    }
  }

  private void encode(ByteBuffer packet, int payloadOffset, int length) {
    if (format.audioPayloadType() == AgentLegFormat.PCMU) {
      G711.linearToUlaw(samples, 0, codes, 0, length);
    } else {
      G711.linearToAlaw(samples, 0, codes, 0, length);
    }
    packet.put(payloadOffset, codes, 0, length);
  }

  private void ensureCapacity(int length) {
    if (samples.length < length) {
      samples = new short[length];
      codes = new byte[length];
    }
  }
}
