package io.tonewall.telephony.relay;

import static io.tonewall.telephony.relay.CallerAudio.FRAME;
import static io.tonewall.telephony.relay.CallerAudio.event;
import static io.tonewall.telephony.relay.CallerAudio.level;
import static io.tonewall.telephony.relay.CallerAudio.packet;
import static io.tonewall.telephony.relay.CallerAudio.pcmu;
import static io.tonewall.telephony.relay.CallerAudio.tone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.dtmf.DtmfKeyPress;
import io.tonewall.telephony.rtp.RtpPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secure window around the real agent leg: what the stream sends while masking is examined,
 * masked keys give a verdict of 0, anything DTMF-like that gets through is reported frame by frame.
 */
class SecureWindowSentinelTest {

  private static final AgentLegFormat FORMAT = AgentLegFormat.of(AgentLegFormat.PCMU, 101);

  private final Listener listener = new Listener();
  private final SecureWindowSentinel sentinel = new SecureWindowSentinel(listener);
  private final List<DtmfKeyPress> keys = new ArrayList<>();
  private final AgentLegStream stream = AgentLegStream.create(FORMAT, keys::add);
  private int seq = 1;
  private long timestamp = 8000;

  @Test
  void maskedKeys_inBandAndByEvent_giveAVerdictOfZeroSuspiciousFrames() {
    // given
    stream.enterSecureMode();
    sentinel.open();
    silence(10);

    // when: four in-band keys of 100 ms, then one RFC 4733 key, then release
    for (DtmfKey key : List.of(DtmfKey.FOUR, DtmfKey.ONE, DtmfKey.ONE, DtmfKey.ONE)) {
      for (int i = 0; i < 5; i++) {
        send(pcmu(seq++, timestamp, tone(key, timestamp, FRAME)));
        timestamp += FRAME;
      }
      silence(5);
    }
    long start = timestamp;
    send(event(seq++, start, true, "05 0a 00a0"));
    send(event(seq++, start, false, "05 0a 0140"));
    send(event(seq++, start, false, "05 8a 0320"));
    timestamp += 800;
    silence(5);
    stream.leaveSecureMode();
    sentinel.requestClose(true);
    silence(10);

    // then
    assertThat(keys.size(), is(5));
    assertThat(listener.suspected, empty());
    assertThat(listener.verdicts.size(), is(1));
    assertThat(listener.verdicts.get(0)[0], is(0L));
    assertThat(listener.verdicts.get(0)[1], greaterThan(40L));
  }

  @Test
  void unmaskedTonesAndEvents_whileMasking_areSuspicious_frameByFrame() {
    // given: a window open, packets that (as if the masker had failed) carry a key
    sentinel.open();

    // when: five tone frames, three silent frames (the first still carries the tone's tail in
    // its analysis blocks), one telephone-event
    for (int i = 0; i < 5; i++) {
      sentinel.forwarded(
          List.of(pcmu(seq++, timestamp, tone(DtmfKey.SEVEN, timestamp, FRAME))), true, FORMAT);
      timestamp += FRAME;
    }
    for (int i = 0; i < 3; i++) {
      sentinel.forwarded(List.of(pcmu(seq++, timestamp, level(0, FRAME))), true, FORMAT);
    }
    sentinel.forwarded(List.of(event(seq++, timestamp, true, "07 0a 00a0")), true, FORMAT);
    sentinel.close();

    // then
    assertThat(listener.suspected, contains(1L, 2L, 3L, 4L, 5L, 6L, 7L));
    assertThat(listener.examinedAtSuspicion, contains(1L, 2L, 3L, 4L, 5L, 6L, 9L));
    assertThat(listener.verdicts.size(), is(1));
    assertThat(listener.verdicts.get(0)[0], is(7L));
    assertThat(listener.verdicts.get(0)[1], is(9L));
  }

  @Test
  void packetsSentOnceTheStreamStopsMasking_closeTheWindow_unexamined() {
    sentinel.open();
    sentinel.forwarded(List.of(pcmu(seq++, timestamp, level(0, FRAME))), true, FORMAT);
    sentinel.requestClose(true);
    sentinel.forwarded(List.of(pcmu(seq++, timestamp, level(0, FRAME))), true, FORMAT);

    // when: normal mode again, and the caller keys (legitimately heard by the agent)
    sentinel.forwarded(
        List.of(pcmu(seq++, timestamp, tone(DtmfKey.NINE, 0, FRAME))), false, FORMAT);
    sentinel.forwarded(
        List.of(pcmu(seq++, timestamp, tone(DtmfKey.NINE, 0, FRAME))), false, FORMAT);

    // then
    assertThat(listener.suspected, empty());
    assertThat(listener.verdicts.size(), is(1));
    assertThat(listener.verdicts.get(0)[1], is(2L));
  }

  @Test
  void oneVerdictPerWindow_reopeningWhileClosingStartsANewWindow() {
    sentinel.close();
    sentinel.requestClose(true);
    assertThat(listener.verdicts, empty());

    sentinel.open();
    sentinel.open();
    sentinel.forwarded(List.of(pcmu(seq++, timestamp, level(0, FRAME))), true, FORMAT);
    sentinel.requestClose(true);
    sentinel.open();
    assertThat(listener.verdicts.size(), is(1));
    assertThat(listener.verdicts.get(0)[1], is(1L));

    sentinel.requestClose(false);
    sentinel.close();
    assertThat(listener.verdicts.size(), is(2));
    assertThat(listener.verdicts.get(1)[1], is(0L));
  }

  @Test
  void beforeNegotiation_g711IsExaminedByItsStaticType_andOnlyInAWindow() {
    byte[] alawTone = G711.linearToAlaw(tone(DtmfKey.ZERO, 0, FRAME));
    sentinel.forwardedUnmasked(packet(8, seq++, timestamp, alawTone));
    assertThat(listener.suspected, empty());

    sentinel.open();
    sentinel.forwardedUnmasked(packet(8, seq++, timestamp, alawTone));
    sentinel.forwardedUnmasked(pcmu(seq++, timestamp, level(0, FRAME)));
    sentinel.close();

    assertThat(listener.suspected, contains(1L));
    assertThat(listener.verdicts.get(0)[1], is(2L));
  }

  private void silence(int frames) {
    for (int i = 0; i < frames; i++) {
      send(pcmu(seq++, timestamp, level(0, FRAME)));
      timestamp += FRAME;
    }
  }

  private void send(RtpPacket packet) {
    List<RtpPacket> out = stream.process(packet);
    sentinel.forwarded(out, stream.isMasking(), FORMAT);
  }

  private static final class Listener implements MediaListener {
    final List<Long> suspected = new ArrayList<>();
    final List<Long> examinedAtSuspicion = new ArrayList<>();
    final List<long[]> verdicts = new ArrayList<>();

    @Override
    public void callerKey(DtmfKey key) {}

    @Override
    public void agentKey(DtmfKey key) {}

    @Override
    public void mediaTimedOut(Duration silence) {}

    @Override
    public void leakSuspected(long suspiciousFrames, long framesExamined) {
      suspected.add(suspiciousFrames);
      examinedAtSuspicion.add(framesExamined);
    }

    @Override
    public void secureWindowClosed(long suspiciousFrames, long framesExamined) {
      verdicts.add(new long[] {suspiciousFrames, framesExamined});
    }
  }
}
