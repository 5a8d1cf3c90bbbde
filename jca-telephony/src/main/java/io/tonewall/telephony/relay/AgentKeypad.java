package io.tonewall.telephony.relay;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.MalformedTelephoneEventException;
import io.tonewall.telephony.dtmf.TelephoneEventReceiver;
import io.tonewall.telephony.rtp.RtpPacket;
import java.util.function.Consumer;

/**
 * Listens to the agent → caller direction for keys the agent dials, such as a pairing code: RFC
 * 4733 telephone-events through a {@link TelephoneEventReceiver}, and in-band tones in G.711 audio
 * through a {@link DtmfDetector}. Once the agent's side has sent a telephone-event, in-band tones
 * are ignored, so that a key sent both ways counts once. Packets are only read, never changed. Not
 * thread-safe: relay thread only.
 *
 * <p>In-band listening costs a decode and the detector on every audio packet, so it runs only while
 * {@linkplain #listenInBand(boolean) asked for} (the call can still be paired: it is unpaired and a
 * pairing code is outstanding). Switched on again, the detector starts afresh. Telephone events are
 * always read: they are rare and cheap.
 */
final class AgentKeypad {

  private static final int MAX_FRAME = 1500;

  private final Consumer<DtmfKey> keys;
  private final TelephoneEventReceiver events = TelephoneEventReceiver.create();
  private DtmfDetector detector;
  private boolean inBand = true;
  private final byte[] codes = new byte[MAX_FRAME];
  private final short[] samples = new short[MAX_FRAME];
  private int telephoneEventPayloadType = -1;
  private boolean eventsSeen;
  private long malformed;

  AgentKeypad(Consumer<DtmfKey> keys) {
    this.keys = keys;
    this.detector = newDetector();
  }

  private DtmfDetector newDetector() {
    return new DtmfDetector(
        digit -> {
          if (!eventsSeen) {
            DtmfKey.fromSymbol(digit.symbol()).ifPresent(keys);
          }
        });
  }

  /**
   * Whether in-band tones are listened to (initially yes). Switching on starts a fresh detector, so
   * nothing heard before counts.
   */
  void listenInBand(boolean on) {
    if (on && !inBand) {
      detector = newDetector();
    }
    inBand = on;
  }

  void telephoneEventPayloadType(int payloadType) {
    this.telephoneEventPayloadType = payloadType;
  }

  /** The negotiated telephone-event payload type, -1 before one is known. */
  int telephoneEventPayloadType() {
    return telephoneEventPayloadType;
  }

  /**
   * Whether audio packets may pass unread: nobody listens for in-band keys and no telephone-event
   * is in progress (audio would end it when its end packets are lost).
   */
  boolean mayIgnoreAudio() {
    return !inBand && !events.eventInProgress();
  }

  void listen(RtpPacket packet) {
    int payloadType = packet.payloadType();
    if (payloadType == telephoneEventPayloadType) {
      eventsSeen = true;
      try {
        events.receive(packet).forEach(press -> keys.accept(press.key()));
      } catch (MalformedTelephoneEventException e) {
        malformed++;
      }
    } else if (payloadType == AgentLegFormat.PCMU || payloadType == AgentLegFormat.PCMA) {
      events.expire(packet.timestamp()).ifPresent(press -> keys.accept(press.key()));
      if (inBand && !eventsSeen) {
        int length = Math.min(packet.payloadLength(), MAX_FRAME);
        packet.buffer().get(packet.payloadOffset(), codes, 0, length);
        if (payloadType == AgentLegFormat.PCMU) {
          G711.ulawToLinear(codes, 0, samples, 0, length);
        } else {
          G711.alawToLinear(codes, 0, samples, 0, length);
        }
        detector.process(samples, 0, length);
      }
    }
  }

  long malformed() {
    return malformed;
  }
}
