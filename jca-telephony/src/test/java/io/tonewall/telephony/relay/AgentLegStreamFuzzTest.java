package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random streams: audio of odd lengths (empty included), telephone-events well-formed or not,
 * unknown payload types, timestamps jumping both ways, modes toggled. Nothing may escape, and while
 * masking only audio of the negotiated type may reach the agent.
 */
class AgentLegStreamFuzzTest {

  @Test
  void sendsOnlyAudioWhileMasking_andNeverThrows_onRandomStreams() {
    Random random = new Random(3550);
    int maskedPackets = 0;
    for (int trial = 0; trial < 40; trial++) {
      // given
      List<DtmfKeyPress> presses = new ArrayList<>();
      AgentLegStream stream = AgentLegStream.create(AgentLegFormat.of(8, 96), presses::add);
      RtpPacketWriter writer = RtpPacketWriter.create().ssrc(random.nextInt());
      int seq = random.nextInt(65536);
      long timestamp = random.nextInt() & 0xFFFF_FFFFL;
      for (int i = 0; i < 400; i++) {
        if (random.nextInt(50) == 0) {
          if (random.nextBoolean()) {
            stream.enterSecureMode();
          } else {
            stream.leaveSecureMode();
          }
        }
        int kind = random.nextInt(10);
        int payloadType = kind < 6 ? 8 : kind < 9 ? 96 : 13;
        int length =
            payloadType == 96
                ? (random.nextInt(8) == 0 ? random.nextInt(7) : 4 * (1 + random.nextInt(2)))
                : random.nextInt(8) == 0 ? random.nextInt(500) : 160;
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        int jump = random.nextInt(20);
        timestamp += jump == 0 ? -random.nextInt(2000) : jump == 1 ? random.nextInt(100_000) : 160;
        timestamp &= 0xFFFF_FFFFL;
        seq = (seq + (random.nextInt(20) == 0 ? random.nextInt(5) - 2 : 1)) & 0xFFFF;
        RtpPacket packet =
            writer
                .payloadType(payloadType)
                .marker(random.nextInt(10) == 0)
                .sequenceNumber(seq)
                .timestamp(timestamp)
                .writeTo(ByteBuffer.allocate(12 + length), payload);

        // when
        boolean maskingBefore = stream.isMasking() || stream.isSecure();
        List<RtpPacket> sent = stream.process(packet);

        // then
        if (maskingBefore && stream.isMasking()) {
          for (RtpPacket out : sent) {
            assertThat(out.payloadType(), is(8));
            maskedPackets++;
          }
        }
      }
    }
    assertThat(maskedPackets, greaterThan(1000));
  }
}
