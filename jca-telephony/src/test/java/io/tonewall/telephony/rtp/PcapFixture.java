package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SIPp's pcap fixtures (Debian package sip-tester, /usr/share/sip-tester), read in place, never
 * copied into this repository. A minimal reader: classic little-endian pcap, Ethernet, IPv4, UDP;
 * every UDP payload is parsed as RTP. Tests using it are skipped where the package is absent.
 */
public final class PcapFixture {

  private static final Path DIRECTORY = Path.of("/usr/share/sip-tester");

  private PcapFixture() {}

  /**
   * @return the RTP packets of {@code file}, each over its own copy of the bytes
   */
  public static List<RtpPacket> rtpPackets(String file) throws IOException {
    Path pcap = DIRECTORY.resolve(file);
    assumeTrue(Files.isReadable(pcap), "sip-tester fixtures not installed");
    byte[] bytes = Files.readAllBytes(pcap);
    ByteBuffer reader = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(reader.getInt(0), is(0xa1b2c3d4));
    assertThat(reader.getInt(20), is(1));
    List<RtpPacket> packets = new ArrayList<>();
    int at = 24;
    while (at + 16 <= bytes.length) {
      int captured = reader.getInt(at + 8);
      int frame = at + 16;
      int ipHeader = (bytes[frame + 14] & 0x0F) * 4;
      int udp = frame + 14 + ipHeader;
      int udpLength = (bytes[udp + 4] & 0xFF) << 8 | bytes[udp + 5] & 0xFF;
      byte[] datagram = new byte[udpLength - 8];
      System.arraycopy(bytes, udp + 8, datagram, 0, datagram.length);
      packets.add(RtpPacket.parse(datagram));
      at = frame + captured;
    }
    return packets;
  }
}
