package io.tonewall.telephony.ivr;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a caller's phone sends, as RTP datagrams: keys as RFC 4733 telephone-events or as in-band
 * DTMF tones in G.711, and silence. Timestamps and sequence numbers continue across calls.
 */
public final class CallerRtp {

  private static final double[] ROWS = {697, 770, 852, 941};
  private static final double[] COLS = {1209, 1336, 1477, 1633};
  private static final String KEYS = "123A456B789C*0#D";

  private final int audioPayloadType;
  private final int eventPayloadType;
  private final long ssrc;
  private int sequence = 1000;
  private long timestamp = 16000;

  public CallerRtp(int audioPayloadType, int eventPayloadType, long ssrc) {
    this.audioPayloadType = audioPayloadType;
    this.eventPayloadType = eventPayloadType;
    this.ssrc = ssrc;
  }

  /** {@code frames} of silence (20 ms each). */
  public List<byte[]> silence(int frames) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      out.add(audio(new short[160]));
    }
    return out;
  }

  /** One key as telephone-event packets: 5 updates (100 ms) and 3 end packets, then 60 ms gap. */
  public List<byte[]> event(char key) {
    int code = key == '*' ? 10 : key == '#' ? 11 : key - '0';
    List<byte[]> out = new ArrayList<>();
    long start = timestamp;
    for (int i = 1; i <= 8; i++) {
      boolean end = i > 5;
      int duration = Math.min(i, 5) * 160;
      byte[] payload = {
        (byte) code, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration
      };
      out.add(packet(eventPayloadType, i == 1, start, payload));
    }
    timestamp = start + 5 * 160;
    out.addAll(silence(3));
    return out;
  }

  /** One key as an in-band tone pair of 100 ms at -10 dBm0 per tone, then 100 ms of silence. */
  public List<byte[]> tone(char key) {
    int index = KEYS.indexOf(key);
    double row = ROWS[index / 4];
    double col = COLS[index % 4];
    double peak = 22827 * Math.pow(10, -10 / 20.0);
    List<byte[]> out = new ArrayList<>();
    for (int frame = 0; frame < 5; frame++) {
      short[] samples = new short[160];
      for (int i = 0; i < 160; i++) {
        double t = (frame * 160 + i) / 8000.0;
        samples[i] =
            (short)
                Math.round(
                    peak * (Math.sin(2 * Math.PI * row * t) + Math.sin(2 * Math.PI * col * t)));
      }
      out.add(audio(samples));
    }
    out.addAll(silence(5));
    return out;
  }

  private byte[] audio(short[] samples) {
    byte[] payload =
        audioPayloadType == 0 ? G711.linearToUlaw(samples) : G711.linearToAlaw(samples);
    byte[] packet = packet(audioPayloadType, false, timestamp, payload);
    timestamp += 160;
    return packet;
  }

  private byte[] packet(int payloadType, boolean marker, long ts, byte[] payload) {
    ByteBuffer buffer = ByteBuffer.allocate(12 + payload.length);
    RtpPacketWriter.create()
        .payloadType(payloadType)
        .marker(marker)
        .sequenceNumber(sequence++)
        .timestamp(ts)
        .ssrc(ssrc)
        .writeTo(buffer, payload);
    return buffer.array();
  }
}
