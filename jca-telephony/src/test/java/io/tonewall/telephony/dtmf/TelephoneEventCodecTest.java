package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelephoneEventCodecTest {

  private static ByteBuffer hex(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  @Test
  void decodesEventEndBitVolumeAndDuration() {
    // given: digit 1, E=1, R=0, volume 10, duration 0x0640 = 1600
    ByteBuffer payload = hex("01 8a 0640");

    // when
    TelephoneEvent event = TelephoneEventCodec.decodeCurrent(payload);

    // then
    assertThat(event.key(), is(Optional.of(DtmfKey.ONE)));
    assertThat(event.end(), is(true));
    assertThat(event.reserved(), is(false));
    assertThat(event.volume(), is(10));
    assertThat(event.duration(), is(1600));
    assertThat(payload.position(), is(0));
  }

  @Test
  void keepsReservedBitAndMaximumValues() {
    // given
    ByteBuffer payload = hex("0b 7f ffff");

    // when
    TelephoneEvent event = TelephoneEventCodec.decodeCurrent(payload);

    // then
    assertThat(event.key(), is(Optional.of(DtmfKey.POUND)));
    assertThat(event.end(), is(false));
    assertThat(event.reserved(), is(true));
    assertThat(event.volume(), is(63));
    assertThat(event.duration(), is(65535));
  }

  @Test
  void passesUnknownEventsThrough_asEventsWithoutKey() {
    // given: event 16 (flash) and 70 (a tone event)
    ByteBuffer payload = hex("10 0a 00a0 46 0a 00a0");

    // when
    List<TelephoneEvent> events = TelephoneEventCodec.decode(payload);

    // then
    assertThat(events.get(0).event(), is(16));
    assertThat(events.get(0).key(), is(Optional.empty()));
    assertThat(events.get(1).event(), is(70));
  }

  @Test
  void decodesPackedBlocksOldestFirst_lastBeingCurrent() {
    // given: 5 ended after 800, then 6 running for 160
    ByteBuffer payload = hex("05 8a 0320 06 0a 00a0");

    // when
    List<TelephoneEvent> events = TelephoneEventCodec.decode(payload);

    // then
    assertThat(
        events,
        contains(
            TelephoneEvent.of(DtmfKey.FIVE, true, 10, 800),
            TelephoneEvent.of(DtmfKey.SIX, false, 10, 160)));
    assertThat(TelephoneEventCodec.decodeCurrent(payload).key(), is(Optional.of(DtmfKey.SIX)));
  }

  @Test
  void encodesTheBytesItDecodes() {
    // given
    TelephoneEvent event = TelephoneEvent.of(11, true, true, 63, 0xABCD);
    ByteBuffer target = ByteBuffer.allocate(4);

    // when
    TelephoneEventCodec.encode(event, target);

    // then
    assertThat(HexFormat.of().formatHex(target.array()), is("0bffabcd"));
    assertThat(TelephoneEventCodec.decodeCurrent(target.flip()), is(event));
  }

  @Test
  void rejectsPayload_thatIsNotWholeBlocks() {
    // given
    ByteBuffer payload = hex("01 8a 06");

    // when
    MalformedTelephoneEventException thrown =
        assertThrows(
            MalformedTelephoneEventException.class, () -> TelephoneEventCodec.decode(payload));

    // then
    assertThat(thrown.getMessage(), containsString("was 3"));
  }

  @Test
  void rejectsEmptyPayload() {
    assertThrows(
        MalformedTelephoneEventException.class,
        () -> TelephoneEventCodec.decode(ByteBuffer.allocate(0)));
  }

  @Test
  void rejectsOutOfRangeFields_whenBuildingEvents() {
    IllegalArgumentException volume =
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.of(1, false, 64, 0));
    IllegalArgumentException duration =
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.of(1, false, 0, 65536));

    assertThat(volume.getMessage(), containsString("volume"));
    assertThat(duration.getMessage(), containsString("duration"));
  }

  @Test
  void masksDigitCodes_whenPrinted() {
    assertThat(TelephoneEvent.of(DtmfKey.FOUR, false, 10, 1).toString(), containsString("DIGIT"));
    assertThat(TelephoneEvent.of(11, false, 10, 1).toString(), containsString("event=11"));
  }
}
