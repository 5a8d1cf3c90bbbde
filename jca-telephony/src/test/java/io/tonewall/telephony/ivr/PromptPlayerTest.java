package io.tonewall.telephony.ivr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.rtp.RtpPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pacing, numbering, marker, barge-in and hold of the prompt player, on injected time. */
class PromptPlayerTest {

  private static final Instant EPOCH = Instant.parse("2026-11-23T01:00:00Z");
  private static final long SSRC = 0xCAFEBABEL;

  private final PromptPlayer player = new PromptPlayer(0, SSRC, 65534, 4_294_967_000L, EPOCH);

  private static Instant at(long millis) {
    return EPOCH.plusMillis(millis);
  }

  private static short[] tone(int samples, short level) {
    short[] audio = new short[samples];
    for (int i = 0; i < samples; i++) {
      audio[i] = (short) (i % 2 == 0 ? level : -level);
    }
    return audio;
  }

  private static List<RtpPacket> parse(List<byte[]> datagrams) {
    return datagrams.stream().map(RtpPacket::parse).toList();
  }

  @Test
  void sendsOneFramePerTwentyMilliseconds_withContinuousNumberingAndOneSsrc() {
    // given
    player.play(tone(160 * 5, (short) 8000), true);

    // when
    List<RtpPacket> sent = new ArrayList<>();
    List<Integer> perTick = new ArrayList<>();
    for (long ms : new long[] {0, 5, 19, 20, 39, 40, 60, 80, 100}) {
      List<RtpPacket> now = parse(player.due(at(ms)));
      perTick.add(now.size());
      sent.addAll(now);
    }

    // then
    assertThat(perTick, contains(1, 0, 0, 1, 0, 1, 1, 1, 0));
    assertThat(sent, hasSize(5));
    for (int i = 0; i < sent.size(); i++) {
      RtpPacket packet = sent.get(i);
      assertThat(packet.ssrc(), is(SSRC));
      assertThat(packet.payloadType(), is(0));
      assertThat(packet.payloadLength(), is(160));
      assertThat(packet.sequenceNumber(), is((65534 + i) & 0xFFFF));
      assertThat(packet.timestamp(), is((4_294_967_000L + 160L * i) & 0xFFFFFFFFL));
      assertThat(packet.marker(), is(i == 0));
    }
    assertThat(player.idle(), is(true));
    assertThat(player.framesSent(), is(5L));
  }

  @Test
  void encodesTheQueuedSamples_andPadsTheLastFrameWithSilence() {
    // given
    short[] audio = tone(200, (short) 5000);
    player.play(audio, true);

    // when
    List<RtpPacket> sent = parse(player.due(at(20)));
    sent = new ArrayList<>(sent);
    sent.addAll(parse(player.due(at(40))));

    // then
    byte[] second = new byte[160];
    sent.get(1).buffer().get(sent.get(1).payloadOffset(), second);
    short[] decoded = G711.ulawToLinear(second);
    assertThat(decoded[0], is(G711.ulawToLinear(G711.linearToUlaw(audio[160]))));
    assertThat(decoded[39], is(G711.ulawToLinear(G711.linearToUlaw(audio[199]))));
    assertThat(decoded[40], is((short) 0));
    assertThat(decoded[159], is((short) 0));
  }

  @Test
  void marksTheNextTalkspurt_andLetsTheTimestampFollowTheClockAcrossSilence() {
    // given
    player.play(tone(160, (short) 4000), true);
    RtpPacket first = parse(player.due(at(0))).get(0);

    // when: a second prompt a second later
    List<RtpPacket> idle = parse(player.due(at(500)));
    player.play(tone(160, (short) 4000), true);
    RtpPacket second = parse(player.due(at(1000))).get(0);

    // then
    assertThat(idle, is(empty()));
    assertThat(second.marker(), is(true));
    assertThat(second.sequenceNumber(), is((first.sequenceNumber() + 1) & 0xFFFF));
    assertThat((second.timestamp() - first.timestamp()) & 0xFFFFFFFFL, is(8000L));
  }

  @Test
  void aKeyStopsInterruptiblePrompts_butNotAnAnnouncement() {
    // given
    player.play(tone(1600, (short) 3000), true);
    player.play(tone(1600, (short) 3000), true);
    player.due(at(0));

    // when
    boolean stopped = player.bargeIn();
    List<byte[]> after = player.due(at(20));
    player.play(tone(320, (short) 3000), false);
    boolean announcementStopped = player.bargeIn();
    List<RtpPacket> announcement = parse(player.due(at(40)));
    announcement = new ArrayList<>(announcement);
    announcement.addAll(parse(player.due(at(60))));

    // then
    assertThat(stopped, is(true));
    assertThat(after, is(empty()));
    assertThat(announcementStopped, is(false));
    assertThat(announcement, hasSize(2));
    assertThat(announcement.get(0).marker(), is(true));
  }

  @Test
  void sendsNothingWhileHeld_andGoesOnWhereItStoppedWithAMarker() {
    // given
    short[] audio = tone(160 * 4, (short) 6000);
    player.play(audio, true);
    player.due(at(0));

    // when
    player.hold(true);
    List<byte[]> held = new ArrayList<>();
    for (long ms = 20; ms <= 400; ms += 20) {
      held.addAll(player.due(at(ms)));
    }
    Optional<Instant> dueWhileHeld = player.nextDue(at(400));
    player.hold(false);
    List<RtpPacket> resumed = new ArrayList<>(parse(player.due(at(420))));
    resumed.addAll(parse(player.due(at(440))));
    resumed.addAll(parse(player.due(at(460))));

    // then
    assertThat(held, is(empty()));
    assertThat(dueWhileHeld, is(Optional.empty()));
    assertThat(resumed, hasSize(3));
    assertThat(resumed.get(0).marker(), is(true));
    assertThat(player.idle(), is(true));
  }

  @Test
  void aLateThreadGetsAShortBurst_notTheWholeBacklog() {
    // given
    player.play(tone(160 * 50, (short) 3000), true);
    player.due(at(0));

    // when: the thread wakes 200 ms late
    List<byte[]> burst = player.due(at(220));
    List<byte[]> next = player.due(at(240));

    // then
    assertThat(burst, hasSize(PromptPlayer.MAX_BURST));
    assertThat(next, hasSize(1));
    assertThat(player.nextDue(at(240)), is(Optional.of(at(260))));
  }

  @Test
  void switchesToPcma_whenRenegotiated() {
    // given
    player.payloadType(8);
    player.play(tone(160, (short) 2000), true);

    // when
    RtpPacket packet = parse(player.due(at(0))).get(0);

    // then
    byte[] payload = new byte[160];
    packet.buffer().get(packet.payloadOffset(), payload);
    assertThat(packet.payloadType(), is(8));
    assertThat(Arrays.equals(payload, G711.linearToAlaw(tone(160, (short) 2000))), is(true));
    assertThat(Duration.ofMillis(20), is(PromptPlayer.FRAME));
  }
}
