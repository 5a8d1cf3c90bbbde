package io.tonewall.telephony.dtmf;

import io.tonewall.telephony.rtp.RtpPacket;
import java.util.HexFormat;

/** Byte-level telephone-event packets for tests: PT 101, SSRC 0x0e05384e unless given. */
final class EventPackets {

  static final long SSRC = 0x0e05384eL;

  private EventPackets() {}

  /**
   * @param blocks event blocks in hex, e.g. {@code "01 8a 0320"} (event 1, E bit, volume 10, 800)
   */
  static RtpPacket packet(int seq, long timestamp, boolean marker, String blocks) {
    return packet(SSRC, seq, timestamp, marker, blocks);
  }

  static RtpPacket packet(long ssrc, int seq, long timestamp, boolean marker, String blocks) {
    String header =
        String.format(
            "80%02x%04x%08x%08x", (marker ? 0x80 : 0) | 101, seq & 0xFFFF, timestamp, ssrc);
    return RtpPacket.parse(HexFormat.of().parseHex(header + blocks.replace(" ", "")));
  }
}
