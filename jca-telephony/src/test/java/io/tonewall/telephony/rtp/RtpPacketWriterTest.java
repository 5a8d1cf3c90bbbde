package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketWriterTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void writesTheSameBytesAsACapturedPacket() {
    // given
    ByteBuffer target = ByteBuffer.allocate(64);
    RtpPacketWriter writer =
        RtpPacketWriter.create()
            .marker(true)
            .payloadType(101)
            .sequenceNumber(0x1f30)
            .timestamp(0x33e0)
            .ssrc(0x0e05384eL);

    // when
    RtpPacket packet = writer.writeTo(target, HEX.parseHex("010a0000"));

    // then
    assertThat(packet.length(), is(16));
    assertThat(target.position(), is(16));
    assertThat(
        HEX.formatHex(Arrays.copyOf(target.array(), 16)), is("80e51f30000033e00e05384e010a0000"));
  }

  @Test
  void roundTripsCsrcsExtensionAndPadding() {
    // given
    ByteBuffer target = ByteBuffer.allocate(64);
    target.position(5);
    RtpPacketWriter writer =
        RtpPacketWriter.create()
            .payloadType(8)
            .sequenceNumber(65535)
            .timestamp(0xFFFF_FFF0L)
            .ssrc(7)
            .csrcs(0xAL, 0xBL, 0xCL)
            .extension(0x1000, new byte[] {9, 9, 9, 9, 8, 8, 8, 8})
            .padding(3);

    // when
    writer.writeTo(target, new byte[] {0x55, 0x66});
    RtpPacket reparsed = RtpPacket.parse(ByteBuffer.wrap(target.array(), 5, target.position() - 5));

    // then
    assertThat(reparsed.payloadType(), is(8));
    assertThat(reparsed.sequenceNumber(), is(65535));
    assertThat(reparsed.timestamp(), is(0xFFFF_FFF0L));
    assertThat(reparsed.csrcCount(), is(3));
    assertThat(reparsed.csrc(2), is(0xCL));
    assertThat(reparsed.extension().orElseThrow().profile(), is(0x1000));
    assertThat(reparsed.extension().orElseThrow().dataLength(), is(8));
    assertThat(reparsed.paddingLength(), is(3));
    assertThat(reparsed.payloadLength(), is(2));
    assertThat(reparsed.payload().get(1), is((byte) 0x66));
  }

  @Test
  void reservesPayload_forTheCallerToFillInPlace() {
    // given
    ByteBuffer target = ByteBuffer.allocate(200);
    RtpPacketWriter writer = RtpPacketWriter.create().payloadType(0);

    // when
    RtpPacket packet = writer.writeHeaderTo(target, 160);
    packet.payload().put(159, (byte) 0x7F);

    // then
    assertThat(packet.payloadLength(), is(160));
    assertThat(target.array()[12 + 159], is((byte) 0x7F));
    assertThat(target.position(), is(172));
  }

  @Test
  void refusesToWrite_whenTargetTooSmall() {
    // given
    ByteBuffer target = ByteBuffer.allocate(20);
    RtpPacketWriter writer = RtpPacketWriter.create();

    // when
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> writer.writeTo(target, new byte[160]));

    // then
    assertThat(thrown.getMessage(), containsString("172 bytes does not fit in 20"));
    assertThat(target.position(), is(0));
  }

  @Test
  void rejectsExtensionData_thatIsNotWholeWords() {
    // given
    RtpPacketWriter writer = RtpPacketWriter.create();

    // when
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> writer.extension(1, new byte[3]));

    // then
    assertThat(thrown.getMessage(), containsString("whole number of 32-bit words"));
  }
}
