package io.tonewall.telephony.relay;

import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.dtmf.MalformedTelephoneEventException;
import io.tonewall.telephony.dtmf.TelephoneEvent;
import io.tonewall.telephony.dtmf.TelephoneEventCodec;
import io.tonewall.telephony.dtmf.TelephoneEventReceiver;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import io.tonewall.telephony.rtp.RtpTimestamp;
import io.tonewall.telephony.rtp.SequenceRewriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The caller → agent direction of a call, packet by packet (RTCP is passed through by the relay
 * before it gets here).
 *
 * <p><b>Normal mode</b>: every packet is returned as it came, at once; only its sequence number is
 * shifted if an earlier secure period dropped or inserted packets.
 *
 * <p><b>Secure mode</b>:
 *
 * <ul>
 *   <li>G.711 audio packets go through the {@link PayloadMasker} (look-ahead delay, tones masked)
 *       in place and are forwarded; a packet for a time already covered (late, or overtaken by
 *       created masking audio) is dropped, so the masker sees one timeline in order.
 *   <li>Telephone-event packets are never forwarded. Their key presses go to the key-press
 *       consumer, exactly one per key (see {@link TelephoneEventReceiver}). While a key is down,
 *       audio frames are masked as key-down; where the caller sends no audio during the event,
 *       masking audio packets of the negotiated G.711 type are created for the event's time, so the
 *       agent hears the same tone however the key was sent.
 *   <li>Packets of any other payload type are dropped: they cannot be masked.
 *   <li>Sequence numbers stay continuous across drops and inserts ({@link SequenceRewriter});
 *       timestamps and SSRC stay those of the caller's stream; the first created packet after a gap
 *       carries the marker bit.
 * </ul>
 *
 * <p>After secure mode ends, telephone-event packets of an event that began during it are still
 * dropped, so the tail of a key press never reaches the agent. Not thread-safe: one thread per
 * stream.
 */
public final class AgentLegStream {

  private static final byte PCMU_SILENCE = (byte) 0xFF;
  private static final byte PCMA_SILENCE = (byte) 0xD5;
  private static final int KEY_HANGOVER_SAMPLES =
      TelephoneEventReceiver.DEFAULT_END_TIMEOUT_SAMPLES;

  private final AgentLegFormat format;
  private final PayloadMasker masker;
  private final Consumer<DtmfKeyPress> keyPresses;
  private final SequenceRewriter sequence = SequenceRewriter.create();
  private final RtpPacketWriter writer = RtpPacketWriter.create();

  private TelephoneEventReceiver receiver = TelephoneEventReceiver.create();
  private boolean secure;
  private long malformedEvents;

  private boolean covered;
  private long coveredUntil;

  private boolean keyKnown;
  private long keyStart;
  private long keyEnd;
  private boolean keyOpen;

  private AgentLegStream(
      AgentLegFormat format, PayloadMasker masker, Consumer<DtmfKeyPress> keyPresses) {
    this.format = format;
    this.masker = masker;
    this.keyPresses = keyPresses;
    writer.payloadType(format.audioPayloadType());
  }

  /**
   * @param keyPresses receives each key pressed by telephone-event during secure mode, on the
   *     calling thread; it must not block
   * @return a stream in normal mode
   */
  public static AgentLegStream create(
      AgentLegFormat format, PayloadMasker masker, Consumer<DtmfKeyPress> keyPresses) {
    return new AgentLegStream(
        Objects.requireNonNull(format, "format"),
        Objects.requireNonNull(masker, "masker"),
        Objects.requireNonNull(keyPresses, "keyPresses"));
  }

  /**
   * Starts masking from the next packet on; the masker starts empty (its look-ahead is silence).
   */
  public void enterSecureMode() {
    if (!secure) {
      secure = true;
      masker.reset();
      receiver = TelephoneEventReceiver.create();
      covered = false;
    }
  }

  /** Stops masking; audio still held back by the masker is discarded, not released. */
  public void leaveSecureMode() {
    if (secure) {
      secure = false;
      masker.reset();
    }
  }

  /**
   * @return true in secure mode
   */
  public boolean secure() {
    return secure;
  }

  /**
   * @return telephone-event packets dropped in secure mode because their payload was not whole
   *     event blocks
   */
  public long malformedEvents() {
    return malformedEvents;
  }

  /**
   * Takes one RTP packet from the caller.
   *
   * @return the packets to send to the agent, in order: usually the same packet (rewritten in
   *     place), none when it is dropped, several when masking audio is created
   */
  public List<RtpPacket> process(RtpPacket packet) {
    int payloadType = packet.payloadType();
    if (!secure) {
      if (payloadType == format.telephoneEventPayloadType() && belongsToSecureKey(packet)) {
        sequence.drop(packet);
        return List.of();
      }
      sequence.forward(packet);
      return List.of(packet);
    }
    if (payloadType == format.audioPayloadType()) {
      return onAudio(packet);
    }
    if (payloadType == format.telephoneEventPayloadType()) {
      return onTelephoneEvent(packet);
    }
    sequence.drop(packet);
    return List.of();
  }

  private List<RtpPacket> onAudio(RtpPacket packet) {
    long start = packet.timestamp();
    int samples = packet.payloadLength();
    receiver.expire(start).ifPresent(keyPresses);
    if (covered && RtpTimestamp.distance(coveredUntil, start) < 0) {
      sequence.drop(packet);
      return List.of();
    }
    masker.mask(packet.payload(), keyDownDuring(start, samples));
    coveredUntil = RtpTimestamp.add(start, samples);
    covered = true;
    sequence.forward(packet);
    return List.of(packet);
  }

  private List<RtpPacket> onTelephoneEvent(RtpPacket packet) {
    sequence.drop(packet);
    List<TelephoneEvent> blocks;
    try {
      blocks = TelephoneEventCodec.decode(packet.payload());
      receiver.receive(packet).forEach(keyPresses);
    } catch (MalformedTelephoneEventException malformed) {
      malformedEvents++;
      return List.of();
    }
    long blockStart = packet.timestamp();
    for (int i = 0; i < blocks.size() - 1; i++) {
      blockStart = RtpTimestamp.add(blockStart, blocks.get(i).duration());
    }
    TelephoneEvent current = blocks.get(blocks.size() - 1);
    if (current.key().isEmpty()) {
      return List.of();
    }
    long blockEnd = RtpTimestamp.add(blockStart, current.duration());
    recordKey(blockStart, blockEnd, current.end());
    return createMaskingAudio(blockStart, blockEnd, packet.ssrc());
  }

  private void recordKey(long start, long end, boolean ended) {
    if (!keyKnown || RtpTimestamp.isNewer(start, keyStart)) {
      keyKnown = true;
      keyStart = start;
      keyEnd = end;
      keyOpen = !ended;
    } else if (start == keyStart) {
      if (RtpTimestamp.isNewer(end, keyEnd)) {
        keyEnd = end;
      }
      keyOpen = keyOpen && !ended;
    }
  }

  private boolean keyDownDuring(long start, int samples) {
    if (!keyKnown) {
      return false;
    }
    long until = keyOpen ? RtpTimestamp.add(keyEnd, KEY_HANGOVER_SAMPLES) : keyEnd;
    long end = RtpTimestamp.add(start, samples);
    return RtpTimestamp.distance(start, until) > 0 && RtpTimestamp.distance(keyStart, end) > 0;
  }

  private boolean belongsToSecureKey(RtpPacket packet) {
    return keyKnown && !RtpTimestamp.isNewer(packet.timestamp(), keyStart);
  }

  private List<RtpPacket> createMaskingAudio(long start, long end, long ssrc) {
    boolean gap = false;
    if (!covered || RtpTimestamp.distance(coveredUntil, start) > 0) {
      coveredUntil = start;
      covered = true;
      gap = true;
    }
    int frame = format.frameSamples();
    List<RtpPacket> created = new ArrayList<>(2);
    while (RtpTimestamp.distance(coveredUntil, end) >= frame) {
      ByteBuffer target = ByteBuffer.allocate(writer.packetLength(frame));
      RtpPacket packet =
          writer
              .marker(gap && created.isEmpty())
              .sequenceNumber(sequence.insert())
              .timestamp(coveredUntil)
              .ssrc(ssrc)
              .writeHeaderTo(target, frame);
      ByteBuffer payload = packet.payload();
      byte silence = format.audioPayloadType() == AgentLegFormat.PCMU ? PCMU_SILENCE : PCMA_SILENCE;
      for (int i = 0; i < frame; i++) {
        payload.put(i, silence);
      }
      masker.mask(payload, true);
      created.add(packet);
      coveredUntil = RtpTimestamp.add(coveredUntil, frame);
    }
    return created;
  }
}
