package io.tonewall.telephony.dtmf;

import static io.tonewall.telephony.dtmf.EventPackets.SSRC;
import static io.tonewall.telephony.dtmf.EventPackets.packet;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelephoneEventReceiverTest {

  private final TelephoneEventReceiver receiver = TelephoneEventReceiver.create();

  private List<DtmfKeyPress> receiveAll(RtpPacket... packets) {
    List<DtmfKeyPress> presses = new ArrayList<>();
    for (RtpPacket packet : packets) {
      presses.addAll(receiver.receive(packet));
    }
    return presses;
  }

  @Test
  void reportsOneDigit_whenEndPacketRepeated() {
    // given: digit 1 at ts 1000: start, two updates, end sent three times
    RtpPacket[] packets = {
      packet(10, 1000, true, "01 0a 00a0"),
      packet(11, 1000, false, "01 0a 0140"),
      packet(12, 1000, false, "01 0a 01e0"),
      packet(13, 1000, false, "01 8a 0280"),
      packet(14, 1000, false, "01 8a 0280"),
      packet(15, 1000, false, "01 8a 0280")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.ONE, SSRC, 1000, 640, true)));
  }

  @Test
  void reportsOneDigit_whenStartPacketsLost() {
    // given: the marker packet and the next one never arrive
    RtpPacket[] packets = {
      packet(12, 5000, false, "07 0a 01e0"),
      packet(13, 5000, false, "07 8a 0280"),
      packet(14, 5000, false, "07 8a 0280")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.SEVEN, SSRC, 5000, 640, true)));
  }

  @Test
  void reportsOneDigit_whenEveryPacketDuplicated() {
    // given
    RtpPacket[] packets = {
      packet(10, 1000, true, "05 0a 00a0"),
      packet(10, 1000, true, "05 0a 00a0"),
      packet(11, 1000, false, "05 8a 0140"),
      packet(11, 1000, false, "05 8a 0140"),
      packet(12, 1000, false, "05 8a 0140"),
      packet(12, 1000, false, "05 8a 0140")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.FIVE, SSRC, 1000, 320, true)));
  }

  @Test
  void reportsOneDigit_whenPacketsReordered() {
    // given: the end overtakes an update, and the start arrives last
    RtpPacket[] packets = {
      packet(11, 1000, false, "09 0a 0140"),
      packet(13, 1000, false, "09 8a 0280"),
      packet(12, 1000, false, "09 0a 01e0"),
      packet(10, 1000, true, "09 0a 00a0"),
      packet(14, 1000, false, "09 8a 0280")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.NINE, SSRC, 1000, 640, true)));
  }

  @Test
  void ignoresPacketsOfAnOlderEvent_arrivingAfterANewerOne() {
    // given: digit 2 reported; a delayed update of it arrives during digit 3
    receiveAll(packet(10, 1000, true, "02 0a 00a0"), packet(11, 1000, false, "02 8a 0140"));
    receiveAll(packet(13, 3000, true, "03 0a 00a0"));

    // when
    List<DtmfKeyPress> late = receiveAll(packet(10, 1000, true, "02 0a 00a0"));
    List<DtmfKeyPress> end = receiveAll(packet(14, 3000, false, "03 8a 0140"));

    // then
    assertThat(late, is(empty()));
    assertThat(end, contains(DtmfKeyPress.of(DtmfKey.THREE, SSRC, 3000, 320, true)));
  }

  @Test
  void reportsSameKeyTwice_whenPressedTwice() {
    // given: "1" then "1" again, distinct start timestamps
    RtpPacket[] packets = {
      packet(10, 1000, true, "01 0a 00a0"),
      packet(11, 1000, false, "01 8a 0140"),
      packet(12, 1000, false, "01 8a 0140"),
      packet(13, 2600, true, "01 0a 00a0"),
      packet(14, 2600, false, "01 8a 0140")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(
        presses,
        contains(
            DtmfKeyPress.of(DtmfKey.ONE, SSRC, 1000, 320, true),
            DtmfKeyPress.of(DtmfKey.ONE, SSRC, 2600, 320, true)));
  }

  @Test
  void reportsOneDigit_whenLongEventSplitIntoSegments() {
    // given: '#' held past 65535 samples: segment 2 starts 65535 later, no marker, same code
    RtpPacket[] packets = {
      packet(10, 100, true, "0b 0a 00a0"),
      packet(11, 100, false, "0b 0a fff0"),
      packet(12, 100, false, "0b 0a ffff"),
      packet(13, 100 + 65535, false, "0b 0a 00a0"),
      packet(14, 100 + 65535, false, "0b 8a 0320"),
      packet(15, 100 + 65535, false, "0b 8a 0320"),
      packet(12, 100, false, "0b 0a ffff")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.POUND, SSRC, 100, 65535 + 800, true)));
  }

  @Test
  void reportsOneDigit_whenSegmentedEventIsInitiallyMissed() {
    // given: only the second segment is received
    RtpPacket[] packets = {
      packet(13, 100 + 65535, false, "0b 0a 00a0"), packet(14, 100 + 65535, false, "0b 8a 0320")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.POUND, SSRC, 100 + 65535, 800, true)));
  }

  @Test
  void reportsUnendedEvent_whenNextEventBegins() {
    // given: all end packets of '4' lost
    receiveAll(packet(10, 1000, true, "04 0a 00a0"), packet(11, 1000, false, "04 0a 0140"));

    // when
    List<DtmfKeyPress> presses = receiveAll(packet(15, 4000, true, "06 0a 00a0"));

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.FOUR, SSRC, 1000, 320, false)));
    assertThat(receiver.eventInProgress(), is(true));
  }

  @Test
  void reportsUnendedEvent_onlyOnceTheStreamHasMovedPastTheEndTimeout() {
    // given
    receiveAll(packet(10, 1000, true, "08 0a 00a0"), packet(11, 1000, false, "08 0a 0140"));

    // when
    Optional<DtmfKeyPress> early = receiver.expire(1000 + 320 + 1600);
    Optional<DtmfKeyPress> late = receiver.expire(1000 + 320 + 1601);
    Optional<DtmfKeyPress> again = receiver.expire(1000 + 320 + 3200);

    // then
    assertThat(early, is(Optional.empty()));
    assertThat(late, is(Optional.of(DtmfKeyPress.of(DtmfKey.EIGHT, SSRC, 1000, 320, false))));
    assertThat(again, is(Optional.empty()));
  }

  @Test
  void ignoresEndPacketsOfExpiredEvent() {
    // given
    receiveAll(packet(10, 1000, true, "08 0a 00a0"));
    receiver.expire(10_000);

    // when
    List<DtmfKeyPress> presses = receiveAll(packet(11, 1000, false, "08 8a 0140"));

    // then
    assertThat(presses, is(empty()));
  }

  @Test
  void reportsEachEvent_whenSeveralArePackedInOnePacket() {
    // given: one packet with '1' (ended, 800) then '2' (running); then '2' ends on its own
    RtpPacket[] packets = {
      packet(10, 1000, true, "01 8a 0320 02 0a 00a0"),
      packet(11, 1000, false, "01 8a 0320 02 8a 0140"),
      packet(12, 1800, false, "02 8a 0140")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(
        presses,
        contains(
            DtmfKeyPress.of(DtmfKey.ONE, SSRC, 1000, 800, true),
            DtmfKeyPress.of(DtmfKey.TWO, SSRC, 1800, 320, true)));
  }

  @Test
  void ignoresEventsThatAreNotKeys() {
    // given: flash (16)
    RtpPacket flash = packet(10, 1000, true, "10 8a 0320");

    // when
    List<DtmfKeyPress> presses = receiveAll(flash);

    // then
    assertThat(presses, is(empty()));
    assertThat(receiver.eventInProgress(), is(false));
  }

  @Test
  void ordersEventsAcrossTimestampWrap() {
    // given
    RtpPacket[] packets = {
      packet(10, 0xFFFF_FF00L, true, "03 8a 0080"),
      packet(11, 0x0000_0100L, true, "0a 0a 00a0"),
      packet(12, 0xFFFF_FF00L, false, "03 8a 0080"),
      packet(13, 0x0000_0100L, false, "0a 8a 0140")
    };

    // when
    List<DtmfKeyPress> presses = receiveAll(packets);

    // then
    assertThat(
        presses,
        contains(
            DtmfKeyPress.of(DtmfKey.THREE, SSRC, 0xFFFF_FF00L, 128, true),
            DtmfKeyPress.of(DtmfKey.STAR, SSRC, 0x100L, 320, true)));
  }

  @Test
  void closesOpenEvent_whenSourceChanges() {
    // given
    receiveAll(packet(10, 1000, true, "01 0a 00a0"));

    // when
    List<DtmfKeyPress> presses = receiveAll(packet(0x1234L, 500, 90, true, "02 8a 00a0"));

    // then
    assertThat(
        presses,
        contains(
            DtmfKeyPress.of(DtmfKey.ONE, SSRC, 1000, 160, false),
            DtmfKeyPress.of(DtmfKey.TWO, 0x1234L, 90, 160, true)));
  }
}
