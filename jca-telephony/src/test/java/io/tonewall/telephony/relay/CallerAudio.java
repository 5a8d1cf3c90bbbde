package io.tonewall.telephony.relay;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Test fixtures: the caller's PCMU and telephone-event packets, DTMF tones, levels. */
final class CallerAudio {

  static final long SSRC = 0x0e05384eL;
  static final int FRAME = 160;

  private static final double[] ROWS = {697, 770, 852, 941};
  private static final double[] COLS = {1209, 1336, 1477, 1633};
  private static final String KEYPAD = "123A456B789C*0#D";

  private CallerAudio() {}

  /** A DTMF tone pair at -7 dBm0 per tone, phase continuous in stream position. */
  static short[] tone(DtmfKey key, long position, int length) {
    int index = KEYPAD.indexOf(key.symbol());
    double row = ROWS[index / 4];
    double col = COLS[index % 4];
    double peak = 22827 * Math.pow(10, -7 / 20.0);
    short[] samples = new short[length];
    for (int i = 0; i < length; i++) {
      double t = (position + i) / 8000.0;
      samples[i] =
          (short)
              Math.round(
                  peak * (Math.sin(2 * Math.PI * row * t) + Math.sin(2 * Math.PI * col * t)));
    }
    return samples;
  }

  /** A constant level, easy to recognise after the look-ahead delay. */
  static short[] level(int value, int length) {
    short[] samples = new short[length];
    java.util.Arrays.fill(samples, (short) value);
    return samples;
  }

  static RtpPacket pcmu(int seq, long timestamp, short[] samples) {
    return RtpPacketWriter.create()
        .payloadType(0)
        .sequenceNumber(seq)
        .timestamp(timestamp)
        .ssrc(SSRC)
        .writeTo(ByteBuffer.allocate(12 + samples.length), G711.linearToUlaw(samples));
  }

  static RtpPacket event(int seq, long timestamp, boolean marker, String block) {
    return RtpPacketWriter.create()
        .payloadType(101)
        .marker(marker)
        .sequenceNumber(seq)
        .timestamp(timestamp)
        .ssrc(SSRC)
        .writeTo(ByteBuffer.allocate(64), HexFormat.of().parseHex(block.replace(" ", "")));
  }

  static RtpPacket packet(int payloadType, int seq, long timestamp, byte[] payload) {
    return RtpPacketWriter.create()
        .payloadType(payloadType)
        .sequenceNumber(seq)
        .timestamp(timestamp)
        .ssrc(SSRC)
        .writeTo(ByteBuffer.allocate(12 + payload.length), payload);
  }

  static short[] decode(RtpPacket packet) {
    byte[] codes = new byte[packet.payloadLength()];
    packet.payload().get(codes);
    return G711.ulawToLinear(codes);
  }

  static double rms(short[] samples, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}
