package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tonewall.telephony.rtp.RtpPacket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays SIPp's RFC 2833 fixtures (Debian package sip-tester, /usr/share/sip-tester) through the
 * RTP parser and the receiver. Each file holds one key: a start packet, updates, and the end packet
 * sent three times with the same sequence number. Skipped where the package is not installed; the
 * files are read in place, not copied into this repository.
 */
class SippPcapReplayTest {

  private static final Path FIXTURES = Path.of("/usr/share/sip-tester");

  @ParameterizedTest(name = "{0} carries {1}")
  @CsvSource({
    "dtmf_2833_0.pcap, ZERO",
    "dtmf_2833_1.pcap, ONE",
    "dtmf_2833_2.pcap, TWO",
    "dtmf_2833_3.pcap, THREE",
    "dtmf_2833_4.pcap, FOUR",
    "dtmf_2833_5.pcap, FIVE",
    "dtmf_2833_6.pcap, SIX",
    "dtmf_2833_7.pcap, SEVEN",
    "dtmf_2833_8.pcap, EIGHT",
    "dtmf_2833_9.pcap, NINE",
    "dtmf_2833_star.pcap, STAR",
    "dtmf_2833_pound.pcap, POUND"
  })
  void reportsExactlyTheRecordedKey(String file, DtmfKey expected) throws IOException {
    // given
    Path pcap = FIXTURES.resolve(file);
    assumeTrue(Files.isReadable(pcap), "sip-tester fixtures not installed");
    List<RtpPacket> packets = udpPayloads(Files.readAllBytes(pcap));
    TelephoneEventReceiver receiver = TelephoneEventReceiver.create();

    // when
    List<DtmfKey> keys = new ArrayList<>();
    for (RtpPacket packet : packets) {
      receiver.receive(packet).forEach(press -> keys.add(press.key()));
    }

    // then
    assertThat(packets.size(), is(10));
    assertThat(keys, contains(expected));
    assertThat(receiver.eventInProgress(), is(false));
  }

  /** Minimal pcap reader: classic little-endian format, Ethernet, IPv4, UDP. */
  private static List<RtpPacket> udpPayloads(byte[] file) {
    ByteBuffer pcap = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(pcap.getInt(0), is(0xa1b2c3d4));
    assertThat(pcap.getInt(20), is(1));
    List<RtpPacket> packets = new ArrayList<>();
    int at = 24;
    while (at + 16 <= file.length) {
      int captured = pcap.getInt(at + 8);
      int frame = at + 16;
      int ipHeader = (file[frame + 14] & 0x0F) * 4;
      int udp = frame + 14 + ipHeader;
      int udpLength = (file[udp + 4] & 0xFF) << 8 | file[udp + 5] & 0xFF;
      packets.add(RtpPacket.parse(file, udp + 8, udpLength - 8));
      at = frame + captured;
    }
    return packets;
  }
}
