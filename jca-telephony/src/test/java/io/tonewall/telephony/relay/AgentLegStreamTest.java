package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;

import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.rtp.RtpPacket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLegStreamTest {

  private static final long SSRC = 0x0e05384eL;
  private static final byte CALLER_AUDIO = 0x7F;

  private final RecordingMasker masker = new RecordingMasker();
  private final List<DtmfKeyPress> presses = new ArrayList<>();
  private final AgentLegStream stream =
      AgentLegStream.create(AgentLegFormat.of(0, 101), masker, presses::add);
  private final List<RtpPacket> sent = new ArrayList<>();

  private static RtpPacket audio(int seq, long timestamp) {
    return packet(0, false, seq, timestamp, payloadOf(160, CALLER_AUDIO));
  }

  private static RtpPacket event(int seq, long timestamp, boolean marker, String block) {
    return packet(101, marker, seq, timestamp, HexFormat.of().parseHex(block.replace(" ", "")));
  }

  private static String payloadOf(int length, byte value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, value);
    return HexFormat.of().formatHex(bytes);
  }

  private static RtpPacket packet(
      int payloadType, boolean marker, int seq, long timestamp, String payloadHex) {
    return packet(payloadType, marker, seq, timestamp, HexFormat.of().parseHex(payloadHex));
  }

  private static RtpPacket packet(
      int payloadType, boolean marker, int seq, long timestamp, byte[] payload) {
    ByteBuffer bytes = ByteBuffer.allocate(12 + payload.length);
    bytes.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) seq);
    bytes.putInt((int) timestamp).putInt((int) SSRC).put(payload);
    return RtpPacket.parse(bytes.array());
  }

  private void send(RtpPacket... packets) {
    for (RtpPacket packet : packets) {
      sent.addAll(stream.process(packet));
    }
  }

  private List<Integer> sentSequence() {
    return sent.stream().map(RtpPacket::sequenceNumber).toList();
  }

  private List<Long> sentTimestamps() {
    return sent.stream().map(RtpPacket::timestamp).toList();
  }

  private static boolean carriesCallerAudio(RtpPacket packet) {
    return packet.payloadType() == 0 && packet.payload().get(0) == CALLER_AUDIO;
  }

  @Test
  void passesEveryPacketUnchangedAndAtOnce_inNormalMode() {
    // given
    RtpPacket voice = audio(10, 1600);
    RtpPacket key = event(11, 1760, true, "01 0a 00a0");

    // when
    List<RtpPacket> first = stream.process(voice);
    List<RtpPacket> second = stream.process(key);

    // then
    assertThat(first, contains(sameInstance(voice)));
    assertThat(second, contains(sameInstance(key)));
    assertThat(carriesCallerAudio(voice), is(true));
    assertThat(key.sequenceNumber(), is(11));
    assertThat(masker.keyDownCalls, is(empty()));
  }

  @Test
  void masksAudioInPlace_keepingNumbersAndTimestamps_inSecureMode() {
    // given
    stream.enterSecureMode();

    // when
    send(audio(10, 1600), audio(11, 1760), audio(12, 1920));

    // then
    assertThat(sentSequence(), contains(10, 11, 12));
    assertThat(sentTimestamps(), contains(1600L, 1760L, 1920L));
    assertThat(sent.stream().noneMatch(AgentLegStreamTest::carriesCallerAudio), is(true));
    assertThat(masker.keyDownCalls, contains(false, false, false));
    assertThat(masker.resets, is(1));
  }

  @Test
  void replacesTelephoneEventsWithMaskingAudio_whenCallerSendsNoAudioDuringTheKey() {
    // given
    stream.enterSecureMode();

    // when: audio, then a key of 640 samples by events only (end sent three times), then audio
    send(
        audio(10, 1600),
        event(11, 1760, true, "01 0a 00a0"),
        event(12, 1760, false, "01 0a 0140"),
        event(13, 1760, false, "01 0a 01e0"),
        event(14, 1760, false, "01 8a 0280"),
        event(15, 1760, false, "01 8a 0280"),
        event(16, 1760, false, "01 8a 0280"),
        audio(17, 2400));

    // then
    assertThat(sentSequence(), contains(10, 11, 12, 13, 14, 15));
    assertThat(sentTimestamps(), contains(1600L, 1760L, 1920L, 2080L, 2240L, 2400L));
    assertThat(sent.stream().map(RtpPacket::payloadType).toList(), everyItem(is(0)));
    assertThat(sent.stream().map(RtpPacket::ssrc).toList(), everyItem(is(SSRC)));
    assertThat(masker.keyDownCalls, contains(false, true, true, true, true, false));
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.ONE, SSRC, 1760, 640, true)));
  }

  @Test
  void sendsOneMaskedPacketPerFrame_whenCallerSendsAudioAlongsideEvents() {
    // given
    stream.enterSecureMode();

    // when: audio keeps flowing; the start event (duration 0) comes first, updates follow
    send(
        audio(10, 1600),
        event(11, 1760, true, "05 0a 0000"),
        audio(12, 1760),
        event(13, 1760, false, "05 0a 00a0"),
        audio(14, 1920),
        event(15, 1760, false, "05 0a 0140"),
        audio(16, 2080),
        event(17, 1760, false, "05 8a 01e0"),
        event(18, 1760, false, "05 8a 01e0"),
        audio(19, 2240));

    // then
    assertThat(sentTimestamps(), contains(1600L, 1760L, 1920L, 2080L, 2240L));
    assertThat(sentSequence(), contains(10, 11, 12, 13, 14));
    assertThat(masker.keyDownCalls, contains(false, true, true, true, false));
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.FIVE, SSRC, 1760, 480, true)));
  }

  @Test
  void marksFirstCreatedPacket_whenKeyFollowsASilentGap() {
    // given: the caller's phone stopped sending audio (DTX) before the key
    stream.enterSecureMode();
    send(audio(10, 1600));

    // when
    send(event(11, 8000, true, "03 0a 0140"));

    // then
    assertThat(sentTimestamps(), contains(1600L, 8000L, 8160L));
    assertThat(sent.stream().map(RtpPacket::marker).toList(), contains(false, true, false));
    assertThat(sentSequence(), contains(10, 11, 12));
  }

  @Test
  void dropsPayloadTypesItCannotMask_withoutLeavingAGap() {
    // given
    stream.enterSecureMode();

    // when: comfort noise (13) between two audio packets
    send(audio(10, 1600), packet(13, false, 11, 1760, "40"), audio(12, 1920));

    // then
    assertThat(sentSequence(), contains(10, 11));
    assertThat(sentTimestamps(), contains(1600L, 1920L));
  }

  @Test
  void dropsLateAudio_thatItsTimelineAlreadyCovered() {
    // given
    stream.enterSecureMode();
    send(audio(10, 1600), audio(12, 1920));

    // when
    send(audio(11, 1760));

    // then
    assertThat(sentTimestamps(), contains(1600L, 1920L));
    assertThat(masker.keyDownCalls.size(), is(2));
  }

  @Test
  void keepsDroppingEventPacketsOfASecureKey_afterSecureModeEnds() {
    // given
    stream.enterSecureMode();
    send(audio(10, 1600), event(11, 1760, true, "02 0a 00a0"));

    // when
    stream.leaveSecureMode();
    List<RtpPacket> tail = stream.process(event(12, 1760, false, "02 8a 0140"));
    List<RtpPacket> later = stream.process(event(13, 4000, true, "0b 8a 00a0"));

    // then
    assertThat(tail, is(empty()));
    assertThat(later.size(), is(1));
    assertThat(masker.resets, is(2));
  }

  @Test
  void continuesNumbering_afterSecureModeEnds() {
    // given: two event packets dropped, one masking packet created
    stream.enterSecureMode();
    send(
        audio(10, 1600), event(11, 1760, true, "04 0a 00a0"), event(12, 1760, false, "04 8a 00a0"));
    stream.leaveSecureMode();

    // when
    send(audio(13, 1920), audio(14, 2080));

    // then
    assertThat(sentSequence(), contains(10, 11, 12, 13));
    assertThat(carriesCallerAudio(sent.get(2)), is(true));
  }

  @Test
  void dropsMalformedEventPacket_andCountsIt() {
    // given
    stream.enterSecureMode();

    // when
    send(audio(10, 1600), event(11, 1760, true, "01 0a 00"), audio(12, 1760));

    // then
    assertThat(stream.malformedEvents(), is(1L));
    assertThat(sentSequence(), contains(10, 11));
    assertThat(presses, is(empty()));
  }
}
