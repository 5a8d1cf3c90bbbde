package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaPacketKindTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "80c8000600000001, RTCP", // sender report, PT 200
    "81c9000700000001, RTCP", // receiver report, PT 201
    "81ca000200000001, RTCP", // SDES, PT 202
    "81cb000100000001, RTCP", // BYE, PT 203
    "80cc000200000001, RTCP", // APP, PT 204
    "80000001000000a000000001, RTP", // PCMU
    "80e51f30000033e00e05384e, RTP", // telephone-event with marker (0xe5 = 229)
    "0001000800000000, UNKNOWN", // STUN binding request
    "80c8, UNKNOWN", // too short
    "8000000100000000, UNKNOWN" // RTP version but shorter than its fixed header
  })
  void classifiesByVersionAndSecondByte(String hex, MediaPacketKind expected) {
    // given
    ByteBuffer packet = ByteBuffer.wrap(HexFormat.of().parseHex(hex));

    // when
    MediaPacketKind kind = MediaPacketKind.classify(packet);

    // then
    assertThat(kind, is(expected));
    assertThat(packet.position(), is(0));
  }
}
