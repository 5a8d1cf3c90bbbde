package io.tonewall.telephony.relay;

import static io.tonewall.telephony.relay.CallerAudio.FRAME;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a caller can send to make the leak sentinel speak on a secure call: a dual tone whose column
 * tone is 15.5 dB weaker than its row tone. The main detector refuses that twist (limit 9 dB, the
 * masker's onset check a little more), so the masker lets the audio through; the deliberately
 * over-sensitive sentinel (twist up to 16 dB) flags it. This is the signal the web-agent IT sends
 * from SIPp to see {@code LEAK_SUSPECTED} reach a session's audit trail.
 */
class TwistedToneLeakTest {

  private static final AgentLegFormat FORMAT = AgentLegFormat.of(AgentLegFormat.PCMA, 101);
  private static final double TWIST_DB = 15.5;

  private final List<Long> suspected = new ArrayList<>();
  private final List<long[]> verdicts = new ArrayList<>();
  private final List<DtmfKey> keys = new ArrayList<>();
  private final SecureWindowSentinel sentinel = new SecureWindowSentinel(new Listener());
  private final AgentLegStream stream =
      AgentLegStream.create(FORMAT, press -> keys.add(press.key()));
  private int seq = 1;
  private long timestamp = 8000;

  @Test
  void aTwistedDualToneIsNotMasked_andTheSentinelReportsIt() {
    // given
    stream.enterSecureMode();
    sentinel.open();

    // when: 200 ms of silence, then three 200 ms tones of 770 + 1336 Hz (-10 / -25.5 dBm0)
    send(twistedTones(3, 200, 200));
    stream.leaveSecureMode();
    sentinel.requestClose(true);
    send(new short[20 * FRAME]);

    // then: no key recognised (nothing masked), frames reported suspicious, and the verdict
    assertThat(keys, empty());
    assertThat(suspected.size(), greaterThan(2));
    assertThat(verdicts.size(), is(1));
    assertThat(verdicts.get(0)[0], is((long) suspected.size()));
  }

  @Test
  void theSameToneWithoutTwistIsMasked_andTheVerdictIsZero() {
    // given
    stream.enterSecureMode();
    sentinel.open();

    // when
    send(tones(3, 200, 200, 0));
    stream.leaveSecureMode();
    sentinel.requestClose(true);
    send(new short[20 * FRAME]);

    // then
    assertThat(keys.size(), is(3));
    assertThat(suspected, empty());
    assertThat(verdicts.get(0)[0], is(0L));
  }

  /** Linear audio as SippPeers writes it for the IT, with the column tone 15.5 dB down. */
  static short[] twistedTones(int count, int onMs, int offMs) {
    return tones(count, onMs, offMs, TWIST_DB);
  }

  private static short[] tones(int count, int onMs, int offMs, double twistDb) {
    double row = 32767 * Math.pow(10, (-10 - 3.14) / 20);
    double column = row * Math.pow(10, -twistDb / 20);
    short[] samples = new short[1600 + count * (onMs + offMs) * 8];
    int n = 1600;
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < onMs * 8; i++) {
        double t = i / 8000.0;
        samples[n++] =
            (short)
                Math.round(
                    row * Math.sin(2 * Math.PI * 770 * t)
                        + column * Math.sin(2 * Math.PI * 1336 * t));
      }
      n += offMs * 8;
    }
    return samples;
  }

  private void send(short[] audio) {
    for (int from = 0; from + FRAME <= audio.length; from += FRAME) {
      byte[] payload = G711.linearToAlaw(Arrays.copyOfRange(audio, from, from + FRAME));
      sentinel.forwarded(
          stream.process(CallerAudio.packet(AgentLegFormat.PCMA, seq++, timestamp, payload)),
          stream.isMasking(),
          FORMAT);
      timestamp += FRAME;
    }
  }

  private final class Listener implements MediaListener {
    @Override
    public void callerKey(DtmfKey key) {}

    @Override
    public void agentKey(DtmfKey key) {}

    @Override
    public void mediaTimedOut(Duration silence) {}

    @Override
    public void leakSuspected(long suspiciousFrames, long framesExamined) {
      suspected.add(suspiciousFrames);
    }

    @Override
    public void secureWindowClosed(long suspiciousFrames, long framesExamined) {
      verdicts.add(new long[] {suspiciousFrames, framesExamined});
    }
  }
}
