package io.tonewall.telephony.relay;

import static io.tonewall.telephony.relay.CallerAudio.FRAME;
import static io.tonewall.telephony.relay.CallerAudio.SSRC;
import static io.tonewall.telephony.relay.CallerAudio.decode;
import static io.tonewall.telephony.relay.CallerAudio.event;
import static io.tonewall.telephony.relay.CallerAudio.level;
import static io.tonewall.telephony.relay.CallerAudio.pcmu;
import static io.tonewall.telephony.relay.CallerAudio.rms;
import static io.tonewall.telephony.relay.CallerAudio.tone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.sameInstance;

import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfDigit;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AgentLegStreamTest {

  /** RMS of the default masking tone, 500 Hz at -15 dBm0 (0 dBm0 sine: RMS 16 141). */
  private static final double MASKING_RMS = 16141 * Math.pow(10, -15 / 20.0);

  private final List<DtmfKeyPress> presses = new ArrayList<>();
  private final AgentLegStream stream =
      AgentLegStream.create(AgentLegFormat.of(0, 101), presses::add);
  private final List<RtpPacket> sent = new ArrayList<>();
  private int seq = 10;
  private long timestamp;

  private void send(RtpPacket... packets) {
    for (RtpPacket packet : packets) {
      sent.addAll(stream.process(packet));
    }
  }

  /** Sends the next caller frame of {@code samples} and advances sequence and timestamp. */
  private void say(short[] samples) {
    send(pcmu(seq++, timestamp, samples));
    timestamp += samples.length;
  }

  private void sayFrames(int frames, DtmfKey key) {
    for (int i = 0; i < frames; i++) {
      say(tone(key, timestamp, FRAME));
    }
  }

  private void silence(int frames) {
    for (int i = 0; i < frames; i++) {
      say(new short[FRAME]);
    }
  }

  private List<Integer> sentSequence() {
    return sent.stream().map(RtpPacket::sequenceNumber).toList();
  }

  private List<Long> sentTimestamps() {
    return sent.stream().map(RtpPacket::timestamp).toList();
  }

  /** What the agent hears: the sent packets decoded in timestamp order, gaps as silence. */
  private short[] agentAudio() {
    List<RtpPacket> ordered = new ArrayList<>(sent);
    ordered.sort(Comparator.comparingLong(RtpPacket::timestamp));
    long first = ordered.get(0).timestamp();
    RtpPacket last = ordered.get(ordered.size() - 1);
    short[] audio = new short[(int) (last.timestamp() - first) + last.payloadLength()];
    for (RtpPacket packet : ordered) {
      short[] samples = decode(packet);
      System.arraycopy(samples, 0, audio, (int) (packet.timestamp() - first), samples.length);
    }
    return audio;
  }

  private static List<DtmfDigit> detectDigits(short[] audio) {
    List<DtmfDigit> digits = new ArrayList<>();
    DtmfDetector detector = new DtmfDetector(digits::add);
    detector.process(audio);
    detector.finish();
    return digits;
  }

  private static double loudestFrameRms(short[] audio) {
    double loudest = 0;
    for (int at = 0; at + FRAME <= audio.length; at += FRAME) {
      loudest = Math.max(loudest, rms(audio, at, at + FRAME));
    }
    return loudest;
  }

  @Test
  void passesEveryPacketUnchangedAndAtOnce_inNormalMode() {
    // given: a payload of µ-law negative zero, which re-encoding would turn into 0xFF
    byte[] negativeZero = new byte[FRAME];
    Arrays.fill(negativeZero, (byte) 0x7F);
    RtpPacket voice = CallerAudio.packet(0, 10, 0, negativeZero);
    RtpPacket key = event(11, 160, true, "01 0a 00a0");

    // when
    List<RtpPacket> first = stream.process(voice);
    List<RtpPacket> second = stream.process(key);

    // then
    assertThat(first, contains(sameInstance(voice)));
    assertThat(second, contains(sameInstance(key)));
    assertThat(voice.payload().get(0), is((byte) 0x7F));
    assertThat(voice.payload().get(FRAME - 1), is((byte) 0x7F));
    assertThat(key.sequenceNumber(), is(11));
    assertThat(presses, is(empty()));
  }

  @Test
  void delaysAudioByTheLookAhead_keepingNumbersAndTimestamps_inSecureMode() {
    // given
    stream.enterSecureMode();

    // when: six frames of levels 1000, 2000, ... 6000
    for (int k = 1; k <= 6; k++) {
      say(level(1000 * k, FRAME));
    }

    // then: 40 ms (two frames) of silence first, then the caller two frames late
    assertThat(sentSequence(), contains(10, 11, 12, 13, 14, 15));
    assertThat(sentTimestamps(), contains(0L, 160L, 320L, 480L, 640L, 800L));
    assertThat((double) decode(sent.get(0))[80], closeTo(0, 10));
    assertThat((double) decode(sent.get(1))[80], closeTo(0, 10));
    assertThat((double) decode(sent.get(2))[80], closeTo(1000, 40));
    assertThat((double) decode(sent.get(5))[80], closeTo(4000, 160));
  }

  @Test
  void replacesTelephoneEventsWithTheMaskingTone_whenCallerSendsNoAudioDuringTheKey() {
    // given
    stream.enterSecureMode();
    silence(5);

    // when: key 1 for 800 samples by telephone-events only, end sent three times
    long start = timestamp;
    send(event(seq++, start, true, "01 0a 00a0"));
    for (int duration = 320; duration <= 800; duration += 160) {
      boolean end = duration == 800;
      send(event(seq++, start, false, String.format("01%02x%04x", end ? 0x8a : 0x0a, duration)));
    }
    send(event(seq++, start, false, "01 8a 0320"), event(seq++, start, false, "01 8a 0320"));
    timestamp += 800;
    silence(10);

    // then
    List<Integer> numbers = sentSequence();
    for (int i = 1; i < numbers.size(); i++) {
      assertThat(numbers.get(i), is(numbers.get(0) + i));
    }
    List<Long> times = sentTimestamps();
    for (int i = 0; i < times.size(); i++) {
      assertThat(times.get(i), is(160L * i));
    }
    assertThat(sent.stream().map(RtpPacket::payloadType).toList(), everyItem(is(0)));
    assertThat(sent.stream().map(RtpPacket::ssrc).toList(), everyItem(is(SSRC)));
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.ONE, SSRC, start, 800, true)));
    short[] agent = agentAudio();
    assertThat(detectDigits(agent), is(empty()));
    assertThat(loudestFrameRms(agent), closeTo(MASKING_RMS, MASKING_RMS * 0.12));
    assertThat(stream.leakedSamples(), is(0L));
  }

  @Test
  void masksInBandKeys_andReportsEachOnce() {
    // given
    stream.enterSecureMode();
    silence(5);

    // when: 4, then #, 100 ms each with 100 ms between
    sayFrames(5, DtmfKey.FOUR);
    silence(5);
    sayFrames(5, DtmfKey.POUND);
    silence(10);

    // then
    assertThat(
        presses.stream().map(DtmfKeyPress::key).toList(), contains(DtmfKey.FOUR, DtmfKey.POUND));
    short[] agent = agentAudio();
    assertThat(detectDigits(agent), is(empty()));
    assertThat(loudestFrameRms(agent), closeTo(MASKING_RMS, MASKING_RMS * 0.12));
    assertThat(stream.leakedSamples(), is(0L));
  }

  @Test
  void reportsKeyOnce_whenPhoneSendsBothToneAndTelephoneEvent() {
    // given
    stream.enterSecureMode();
    silence(5);

    // when: each 20 ms, the event update then the tone frame of the same time
    long start = timestamp;
    for (int frame = 0; frame < 5; frame++) {
      send(event(seq++, start, frame == 0, String.format("07 0a %04x", 160 * frame)));
      say(tone(DtmfKey.SEVEN, timestamp, FRAME));
    }
    send(event(seq++, start, false, "07 8a 0320"), event(seq++, start, false, "07 8a 0320"));
    silence(10);

    // then
    assertThat(presses, contains(DtmfKeyPress.of(DtmfKey.SEVEN, SSRC, start, 800, true)));
    assertThat(detectDigits(agentAudio()), is(empty()));
  }

  @Test
  void bridgesALostPacket_withACreatedOneInItsPlace() {
    // given
    stream.enterSecureMode();
    say(level(1000, FRAME));
    say(level(2000, FRAME));

    // when: the third packet is lost upstream
    seq++;
    timestamp += FRAME;
    say(level(4000, FRAME));

    // then: no gap in numbers or time; the created packet carries held-back audio (level 1000)
    assertThat(sentSequence(), contains(10, 11, 12, 13));
    assertThat(sentTimestamps(), contains(0L, 160L, 320L, 480L));
    assertThat((double) decode(sent.get(2))[80], closeTo(1000, 40));
  }

  @Test
  void skipsALongSilenceGap_afterSendingTheAudioHeldBack() {
    // given
    stream.enterSecureMode();
    for (int k = 1; k <= 4; k++) {
      say(level(1000 * k, FRAME));
    }

    // when: the phone suppresses silence for ten seconds (no numbers missing)
    timestamp += 80_000;
    say(level(500, FRAME));

    // then: four created packets (look-ahead, hang-over, one frame), then the caller again
    assertThat(sentSequence(), contains(10, 11, 12, 13, 14, 15, 16, 17, 18));
    assertThat(sent.get(4).timestamp(), is(640L));
    assertThat(sent.get(4).marker(), is(false));
    assertThat((double) decode(sent.get(4))[80], closeTo(3000, 120));
    assertThat((double) decode(sent.get(5))[80], closeTo(4000, 160));
    assertThat(sent.get(8).timestamp(), is(640L + 80_000));
  }

  @Test
  void keepsMaskingAfterLeavingSecureMode_untilTheKeyEnds_thenPassesPacketsUnchanged() {
    // given: a key sounding when secure mode is left
    stream.enterSecureMode();
    silence(5);
    sayFrames(3, DtmfKey.FIVE);

    // when
    stream.leaveSecureMode();
    sayFrames(4, DtmfKey.FIVE);
    boolean maskingAfterKey = stream.isMasking();
    silence(10);
    RtpPacket later = pcmu(seq++, timestamp, level(1234, FRAME));
    List<RtpPacket> laterSent = stream.process(later);

    // then
    assertThat(maskingAfterKey, is(true));
    assertThat(stream.isMasking(), is(false));
    assertThat(laterSent, contains(sameInstance(later)));
    assertThat((double) decode(later)[80], closeTo(1234, 50));
    assertThat(detectDigits(agentAudio()), is(empty()));
    assertThat(presses.stream().map(DtmfKeyPress::key).toList(), contains(DtmfKey.FIVE));
  }

  @Test
  void takesAModeRequestFromAnotherThread_atTheNextPacket() {
    // given
    silence(2);
    CompletableFuture.runAsync(stream::enterSecureMode).join();
    boolean maskingBeforeNextPacket = stream.isMasking();

    // when
    say(level(1000, FRAME));

    // then: the packet is the first held back by the look-ahead
    assertThat(stream.isSecure(), is(true));
    assertThat(maskingBeforeNextPacket, is(false));
    assertThat(stream.isMasking(), is(true));
    assertThat((double) decode(sent.get(2))[80], closeTo(0, 10));
  }

  @Test
  void dropsPayloadTypesItCannotMask_withoutLeavingAGap() {
    // given
    stream.enterSecureMode();
    say(level(1000, FRAME));

    // when: comfort noise (payload type 13), then audio
    send(CallerAudio.packet(13, seq++, timestamp, new byte[] {0x40}));
    say(level(1000, FRAME));

    // then
    assertThat(sentSequence(), contains(10, 11));
    assertThat(sent.stream().map(RtpPacket::payloadType).toList(), everyItem(is(0)));
  }

  @Test
  void keepsDroppingEventPacketsOfASecureKey_afterSecureModeEnds() {
    // given: key 2 sent by events in secure mode; secure mode left and drained
    stream.enterSecureMode();
    silence(2);
    long start = timestamp;
    send(event(seq++, start, true, "02 0a 00a0"), event(seq++, start, false, "02 8a 0140"));
    timestamp += 320;
    stream.leaveSecureMode();
    silence(10);
    boolean masking = stream.isMasking();

    // when: a late repeat of its end packet, then a new key
    List<RtpPacket> tail = stream.process(event(seq++, start, false, "02 8a 0140"));
    RtpPacket next = event(seq++, timestamp, true, "0b 0a 00a0");
    List<RtpPacket> later = stream.process(next);

    // then
    assertThat(masking, is(false));
    assertThat(tail, is(empty()));
    assertThat(later, contains(sameInstance(next)));
    assertThat(sent.stream().map(RtpPacket::payloadType).toList(), everyItem(is(0)));
  }

  @Test
  void dropsMalformedEventPacket_andCountsIt() {
    // given
    stream.enterSecureMode();
    say(new short[FRAME]);

    // when
    send(event(seq++, timestamp, true, "01 0a 00"));
    say(new short[FRAME]);

    // then
    assertThat(stream.malformedEvents(), is(1L));
    assertThat(sentSequence(), contains(10, 11));
    assertThat(presses, is(empty()));
  }

  @Test
  void addsNoDelayOrChange_toPacketsBeforeSecureModeEvenWithTones() {
    // given
    RtpPacket toneFrame = pcmu(seq, 0, tone(DtmfKey.NINE, 0, FRAME));
    byte[] before = new byte[FRAME];
    toneFrame.payload().get(before);

    // when
    List<RtpPacket> out = stream.process(toneFrame);
    byte[] after = new byte[FRAME];
    toneFrame.payload().get(after);

    // then
    assertThat(out, contains(sameInstance(toneFrame)));
    assertThat(Arrays.equals(before, after), is(true));
    assertThat(stream.leakedSamples(), lessThan(1L));
  }
}
