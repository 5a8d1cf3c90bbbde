package io.tonewall.telephony.ivr;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.MalformedTelephoneEventException;
import io.tonewall.telephony.dtmf.TelephoneEventReceiver;
import io.tonewall.telephony.rtp.RtpPacket;
import java.util.function.Consumer;

/**
 * Hears the IVR caller's keys: RFC 4733 telephone-events through a {@link TelephoneEventReceiver},
 * in-band tones in G.711 audio through a {@link DtmfDetector}. Once the caller has sent a
 * telephone-event, in-band tones are ignored, so that a key sent both ways counts once (phones that
 * send events usually also leave a trace of the tone in the audio). Keys are card data: they go to
 * the consumer and nowhere else. Not thread-safe: the media thread only.
 */
public final class IvrKeypad {

  private static final int MAX_FRAME = 1500;

  private final Consumer<DtmfKey> keys;
  private final TelephoneEventReceiver events = TelephoneEventReceiver.create();
  private final DtmfDetector detector;
  private final byte[] codes = new byte[MAX_FRAME];
  private final short[] samples = new short[MAX_FRAME];
  private int telephoneEventPayloadType = -1;
  private boolean eventsSeen;
  private long malformed;

  public IvrKeypad(Consumer<DtmfKey> keys) {
    this.keys = keys;
    this.detector =
        new DtmfDetector(
            digit -> {
              if (!eventsSeen) {
                DtmfKey.fromSymbol(digit.symbol()).ifPresent(keys);
              }
            });
  }

  /** The negotiated telephone-event payload type; -1 when none was negotiated. */
  public void telephoneEventPayloadType(int payloadType) {
    this.telephoneEventPayloadType = payloadType;
  }

  /** Listens to one RTP packet from the caller. */
  public void listen(RtpPacket packet) {
    int payloadType = packet.payloadType();
    if (payloadType == telephoneEventPayloadType) {
      eventsSeen = true;
      try {
        events.receive(packet).forEach(press -> keys.accept(press.key()));
      } catch (MalformedTelephoneEventException e) {
        malformed++;
      }
    } else if (payloadType == 0 || payloadType == 8) {
      events.expire(packet.timestamp()).ifPresent(press -> keys.accept(press.key()));
      if (!eventsSeen) {
        int length = Math.min(packet.payloadLength(), MAX_FRAME);
        packet.buffer().get(packet.payloadOffset(), codes, 0, length);
        if (payloadType == 0) {
          G711.ulawToLinear(codes, 0, samples, 0, length);
        } else {
          G711.alawToLinear(codes, 0, samples, 0, length);
        }
        detector.process(samples, 0, length);
      }
    }
  }

  /** Telephone-event payloads that could not be read. */
  public long malformed() {
    return malformed;
  }
}
