package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leak sentinel against generated audio: it fires on tones the main detector refuses (weak,
 * twisted, 20 ms), and stays silent on silence, noise, the masking tone and masked keys.
 */
class LeakSentinelTest {

  @Test
  void firesOnWeakTones_thatTheMainDetectorRefuses() {
    for (double level : new double[] {-35, -40, -45}) {
      // given
      short[] audio = Signal.create().silence(60).key('5', 100, level).silence(60).toShorts();

      // when / then
      assertThat(
          "main detector at " + level, Detection.of(audio).keys(), is(level < -36 ? "" : "5"));
      assertThat("sentinel at " + level, hits(audio, 160), greaterThan(0));
    }
  }

  @Test
  void staysSilent_belowItsLevelLimit() {
    short[] audio = Signal.create().silence(60).key('5', 100, -55).silence(60).toShorts();

    assertThat(hits(audio, 160), is(0));
  }

  @Test
  void firesOnStronglyTwistedTones_eitherWay_thatTheMainDetectorRefuses() {
    for (double twist : new double[] {12, 14}) {
      // given: the high group twist dB below the low group, then the other way round
      short[] normal =
          Signal.create().silence(60).key('9', 100, -10, -10 - twist, 1, 1).silence(60).toShorts();
      short[] reverse =
          Signal.create().silence(60).key('9', 100, -10 - twist, -10, 1, 1).silence(60).toShorts();

      // then
      assertThat(Detection.of(normal).keys(), is(""));
      assertThat(Detection.of(reverse).keys(), is(""));
      assertThat("normal twist " + twist, hits(normal, 160), greaterThan(0));
      assertThat("reverse twist " + twist, hits(reverse, 160), greaterThan(0));
    }
  }

  @Test
  void firesOnASingle20msBurst_atEveryAlignment_thatTheMainDetectorRefuses() {
    for (int offset = 0; offset < 2 * DtmfDetector.BLOCK; offset += 3) {
      // given
      short[] audio =
          Signal.create().silence(offset / 8.0).key('0', 20, -20).silence(60).toShorts();

      // then
      assertThat(Detection.of(audio).keys(), is(""));
      assertThat("burst at sample " + offset, hits(audio, 160), greaterThan(0));
    }
  }

  @Test
  void firesOnEveryKey() {
    for (char key : DtmfDigit.KEYS.toCharArray()) {
      short[] audio = Signal.create().silence(30).key(key, 40, -20).silence(30).toShorts();

      assertThat("key " + key, hits(audio, 160), greaterThan(0));
    }
  }

  @Test
  void staysSilent_onSilenceNoiseAndTheMaskingTone() {
    short[] silence = new short[8000];
    short[] noise =
        Signal.create()
            .tones(1000, new double[] {1000}, new double[] {-20})
            .noise(-20, 7)
            .toShorts();
    short[] masking = new short[8000];
    for (int i = 0; i < masking.length; i++) {
      masking[i] = MaskingSignal.STANDARD.sampleAt(i);
    }

    assertThat(hits(silence, 160), is(0));
    assertThat(hits(noise, 160), is(0));
    assertThat(hits(masking, 160), is(0));
  }

  @Test
  void staysSilent_onTheMaskersOutput_whileTheSameAudioUnmaskedFires() {
    // given: keys of every length the masker must hide, some in noise, through the real masker
    Signal signal = Signal.create().silence(100);
    for (char key : "4111111111111111#1230#".toCharArray()) {
      signal.key(key, 60, -12).silence(60);
    }
    signal.key('5', 20, -20).silence(80).key('7', 100, -40).silence(200);
    short[] audio = signal.noise(30, 3).toShorts();
    short[] masked = audio.clone();
    List<DtmfDigit> captured = new ArrayList<>();
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    masker.enterSecureMode();

    // when
    for (int i = 0; i < masked.length; i += 160) {
      masker.process(masked, i, Math.min(160, masked.length - i));
    }

    // then
    assertThat(masker.leakedSamples(), is(0L));
    assertThat(hits(masked, 160), is(0));
    assertThat(hits(audio, 160), greaterThan(20));
  }

  @Test
  void findsTheSameHits_whateverTheFrameLength() {
    short[] audio =
        Signal.create().silence(33).key('8', 50, -25).silence(41).key('B', 20, -30).toShorts();

    int expected = hits(audio, audio.length);

    assertThat(expected, greaterThan(0));
    for (int frame : new int[] {1, 7, 80, 160, 240, 480}) {
      assertThat("frame " + frame, hits(audio, frame), is(expected));
    }
  }

  @Test
  void reset_dropsTheIncompleteBlock() {
    LeakSentinel sentinel = new LeakSentinel();
    short[] tone = Signal.create().key('1', 10, -10).toShorts();
    sentinel.examine(tone, 0, tone.length);

    sentinel.reset();
    int found = sentinel.examine(new short[160], 0, 160);

    assertThat(found, is(0));
    assertThat(sentinel.hits(), is(0L));
  }

  private static int hits(short[] audio, int frame) {
    LeakSentinel sentinel = new LeakSentinel();
    int found = 0;
    for (int i = 0; i < audio.length; i += frame) {
      found += sentinel.examine(audio, i, Math.min(frame, audio.length - i));
    }
    assertThat((long) found, is(sentinel.hits()));
    return found;
  }
}
