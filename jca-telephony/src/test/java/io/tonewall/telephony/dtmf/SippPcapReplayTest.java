package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.rtp.PcapFixture;
import io.tonewall.telephony.rtp.RtpPacket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays SIPp's RFC 2833 fixtures ({@link PcapFixture}) through the RTP parser and the receiver.
 * Each file holds one key: a start packet, updates, and the end packet sent three times with the
 * same sequence number.
 */
class SippPcapReplayTest {

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
    List<RtpPacket> packets = PcapFixture.rtpPackets(file);
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
}
