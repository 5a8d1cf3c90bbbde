package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

  private static final HexFormat HEX = HexFormat.of();

  /** RFC 4733 packet from SIPp's dtmf_2833_1.pcap: PT 101, seq 7984, ts 13280, digit 1. */
  private static final String PCAP_EVENT = "80e51f30000033e00e05384e010a0000";

  private static byte[] bytes(String hex) {
    return HEX.parseHex(hex.replace(" ", ""));
  }

  @Test
  void readsFixedHeaderFields_fromCapturedTelephoneEventPacket() {
    // given
    byte[] data = bytes(PCAP_EVENT);

    // when
    RtpPacket packet = RtpPacket.parse(data);

    // then
    assertThat(packet.version(), is(2));
    assertThat(packet.hasPadding(), is(false));
    assertThat(packet.hasExtension(), is(false));
    assertThat(packet.csrcCount(), is(0));
    assertThat(packet.marker(), is(true));
    assertThat(packet.payloadType(), is(101));
    assertThat(packet.sequenceNumber(), is(0x1f30));
    assertThat(packet.timestamp(), is(0x33e0L));
    assertThat(packet.ssrc(), is(0x0e05384eL));
    assertThat(packet.payloadOffset(), is(12));
    assertThat(packet.payloadLength(), is(4));
  }

  @Test
  void readsUnsignedValues_whenHighBitsSet() {
    // given
    byte[] data = bytes("8000 ffff ffffffff fffffffe");

    // when
    RtpPacket packet = RtpPacket.parse(data);

    // then
    assertThat(packet.sequenceNumber(), is(65535));
    assertThat(packet.timestamp(), is(0xFFFF_FFFFL));
    assertThat(packet.ssrc(), is(0xFFFF_FFFEL));
  }

  @Test
  void locatesPayload_afterCsrcListAndExtension_andBeforePadding() {
    // given: CC=2, X=1 (profile 0xBEDE, 1 word), P=1 (3 bytes), payload 2 bytes
    byte[] data =
        bytes(
            "b2 08 0001 00000002 00000003"
                + " 11111111 22222222"
                + " bede0001 aabbccdd"
                + " 7f7f"
                + " 000003");

    // when
    RtpPacket packet = RtpPacket.parse(data);

    // then
    assertThat(packet.csrcCount(), is(2));
    assertThat(packet.csrc(0), is(0x11111111L));
    assertThat(packet.csrc(1), is(0x22222222L));
    RtpHeaderExtension extension = packet.extension().orElseThrow();
    assertThat(extension.profile(), is(0xBEDE));
    assertThat(extension.dataLength(), is(4));
    assertThat(extension.data().getInt(0), is(0xaabbccdd));
    assertThat(packet.paddingLength(), is(3));
    assertThat(packet.payloadOffset(), is(12 + 8 + 8));
    assertThat(packet.payloadLength(), is(2));
    assertThat(packet.payload().get(0), is((byte) 0x7f));
  }

  @Test
  void viewsPacketInsideLargerBuffer_withoutMovingPosition() {
    // given
    byte[] frame = bytes("dead" + PCAP_EVENT + "beef");
    ByteBuffer buffer = ByteBuffer.wrap(frame, 2, 16);

    // when
    RtpPacket packet = RtpPacket.parse(buffer);

    // then
    assertThat(packet.offset(), is(2));
    assertThat(packet.payloadOffset(), is(14));
    assertThat(packet.payloadLength(), is(4));
    assertThat(packet.sequenceNumber(), is(0x1f30));
    assertThat(buffer.position(), is(2));
  }

  @Test
  void writesHeaderFieldsInPlace_intoTheCallersArray() {
    // given
    byte[] data = bytes(PCAP_EVENT);
    RtpPacket packet = RtpPacket.parse(data);

    // when
    packet
        .setSequenceNumber(0xABCD)
        .setTimestamp(0x89ABCDEFL)
        .setSsrc(0x01020304L)
        .setPayloadType(0)
        .setMarker(false);

    // then
    assertThat(HEX.formatHex(data), is("8000abcd89abcdef01020304010a0000"));
  }

  @Test
  void keepsMarker_whenPayloadTypeChanges() {
    // given
    RtpPacket packet = RtpPacket.parse(bytes(PCAP_EVENT));

    // when
    packet.setPayloadType(8);

    // then
    assertThat(packet.marker(), is(true));
    assertThat(packet.payloadType(), is(8));
  }

  @Test
  void writesThroughPayloadView() {
    // given
    byte[] data = bytes(PCAP_EVENT);
    RtpPacket packet = RtpPacket.parse(data);

    // when
    packet.payload().put(0, (byte) 0x0b);

    // then
    assertThat(data[12], is((byte) 0x0b));
  }

  @Test
  void rejectsPacket_shorterThanFixedHeader() {
    assertMalformed("80e51f30000033e00e0538", "too short");
  }

  @Test
  void rejectsPacket_withVersionOtherThanTwo() {
    assertMalformed("40e51f30000033e00e05384e010a0000", "version 1");
  }

  @Test
  void rejectsPacket_whoseCsrcCountRunsPastTheEnd() {
    assertMalformed("82e51f30000033e00e05384e010a0000", "CSRC count 2");
  }

  @Test
  void rejectsPacket_whoseExtensionHeaderIsCutOff() {
    assertMalformed("90e51f30000033e00e05384ebede", "extension header");
  }

  @Test
  void rejectsPacket_whoseExtensionLengthRunsPastTheEnd() {
    assertMalformed("90e51f30000033e00e05384ebede0002aabbccdd", "extension length of 2 words");
  }

  @Test
  void rejectsPacket_withZeroPaddingCount() {
    assertMalformed("a0e51f30000033e00e05384e010a0000", "padding count is zero");
  }

  @Test
  void rejectsPacket_whosePaddingRunsIntoHeader() {
    assertMalformed("a0e51f30000033e00e05384e010a0011", "padding of 17 bytes");
  }

  @Test
  void acceptsPacket_whosePaddingTakesTheWholePayload() {
    // given
    byte[] data = bytes("a0e51f30000033e00e05384e00000004");

    // when
    RtpPacket packet = RtpPacket.parse(data);

    // then
    assertThat(packet.payloadLength(), is(0));
    assertThat(packet.paddingLength(), is(4));
  }

  @Test
  void printsHeaderButNoPayloadBytes() {
    // given
    RtpPacket packet = RtpPacket.parse(bytes(PCAP_EVENT));

    // when
    String text = packet.toString();

    // then
    assertThat(text, containsString("seq=7984"));
    assertThat(text.contains("010a"), is(false));
  }

  private static void assertMalformed(String hex, String expectedMessagePart) {
    // given
    byte[] data = bytes(hex);

    // when
    MalformedRtpPacketException thrown =
        assertThrows(MalformedRtpPacketException.class, () -> RtpPacket.parse(data));

    // then
    assertThat(thrown.getMessage(), containsString(expectedMessagePart));
  }
}
