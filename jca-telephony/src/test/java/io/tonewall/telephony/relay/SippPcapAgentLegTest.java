package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfDigit;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.rtp.PcapFixture;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpTimestamp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SIPp's captured PCMA call audio (g711a.pcap: 236 packets of 30 ms) with a captured RFC 2833 key
 * (dtmf_2833_5.pcap) spliced into it, replayed through the agent leg.
 */
class SippPcapAgentLegTest {

  private static final AgentLegFormat PCMA_30MS = AgentLegFormat.of(8, 101, 240);

  private final List<DtmfKeyPress> presses = new ArrayList<>();
  private final AgentLegStream stream = AgentLegStream.create(PCMA_30MS, presses::add);

  @Test
  void passesCapturedCallUnchanged_inNormalMode() throws IOException {
    // given
    List<RtpPacket> call = PcapFixture.rtpPackets("g711a.pcap");
    List<byte[]> before = call.stream().map(SippPcapAgentLegTest::bytes).toList();

    // when
    List<RtpPacket> sent = new ArrayList<>();
    call.forEach(packet -> sent.addAll(stream.process(packet)));

    // then
    assertThat(sent.size(), is(236));
    for (int i = 0; i < sent.size(); i++) {
      assertThat(Arrays.equals(bytes(sent.get(i)), before.get(i)), is(true));
    }
  }

  @Test
  void masksSplicedKey_andKeepsTheCapturedNumbering_inSecureMode() throws IOException {
    // given: the key's packets re-stamped onto the call's SSRC and timeline, 2 s in
    List<RtpPacket> call = PcapFixture.rtpPackets("g711a.pcap");
    List<RtpPacket> key = PcapFixture.rtpPackets("dtmf_2833_5.pcap");
    long keyStart = RtpTimestamp.add(call.get(0).timestamp(), 16_000);
    List<RtpPacket> wire = splice(call, key, keyStart);
    stream.enterSecureMode();

    // when
    List<RtpPacket> sent = new ArrayList<>();
    wire.forEach(packet -> sent.addAll(stream.process(packet)));

    // then
    assertThat(presses.stream().map(DtmfKeyPress::key).toList(), contains(DtmfKey.FIVE));
    assertThat(presses.get(0).startTimestamp(), is(keyStart));
    assertThat(sent.stream().map(RtpPacket::payloadType).toList(), everyItem(is(8)));
    for (int i = 1; i < sent.size(); i++) {
      int step = sent.get(i).sequenceNumber() - sent.get(i - 1).sequenceNumber();
      assertThat("packet " + i, step, is(1));
      assertThat(
          "packet " + i,
          RtpTimestamp.isNewer(sent.get(i).timestamp(), sent.get(i - 1).timestamp()),
          is(true));
    }
    assertThat(sent.size(), greaterThan(230));
    assertThat(detectDigits(sent), is(empty()));
    assertThat(stream.leakedSamples(), is(0L));
  }

  /** Inserts the key's packets among the call's at their time; renumbers everything in order. */
  private static List<RtpPacket> splice(List<RtpPacket> call, List<RtpPacket> key, long keyStart) {
    long ssrc = call.get(0).ssrc();
    long offset = RtpTimestamp.distance(key.get(0).timestamp(), keyStart);
    List<RtpPacket> wire = new ArrayList<>();
    int k = 0;
    for (RtpPacket audio : call) {
      while (k < key.size()
          && !RtpTimestamp.isNewer(
              RtpTimestamp.add(key.get(k).timestamp(), offset), audio.timestamp())) {
        RtpPacket event = key.get(k++);
        event.setSsrc(ssrc).setTimestamp(RtpTimestamp.add(event.timestamp(), offset));
        wire.add(event);
      }
      wire.add(audio);
    }
    int seq = call.get(0).sequenceNumber();
    for (RtpPacket packet : wire) {
      packet.setSequenceNumber(seq++);
    }
    return wire;
  }

  private static List<DtmfDigit> detectDigits(List<RtpPacket> sent) {
    List<RtpPacket> ordered = new ArrayList<>(sent);
    ordered.sort(Comparator.comparingLong(RtpPacket::timestamp));
    List<DtmfDigit> digits = new ArrayList<>();
    DtmfDetector detector = new DtmfDetector(digits::add);
    for (RtpPacket packet : ordered) {
      detector.process(G711.alawToLinear(payload(packet)));
    }
    detector.finish();
    return digits;
  }

  private static byte[] payload(RtpPacket packet) {
    byte[] codes = new byte[packet.payloadLength()];
    packet.payload().get(codes);
    return codes;
  }

  private static byte[] bytes(RtpPacket packet) {
    byte[] copy = new byte[packet.length()];
    packet.buffer().get(packet.offset(), copy);
    return copy;
  }
}
