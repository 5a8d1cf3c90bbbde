package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecureAudioMaskerTest {

  private static final int L = SecureAudioMasker.DEFAULT_LOOKAHEAD_MS * 8;

  private final List<DtmfDigit> captured = new ArrayList<>();

  /** 200 ms silence, then keys of onMs / offMs; tone spans recorded in {@code spans}. */
  private static short[] keys(
      String keys, double onMs, double offMs, double dbm0, List<long[]> spans) {
    Signal s = Signal.create().silence(200);
    for (char k : keys.toCharArray()) {
      long start = s.length();
      s.key(k, onMs, dbm0);
      spans.add(new long[] {start, s.length()});
      s.silence(offMs);
    }
    return s.silence(200).toShorts();
  }

  private static short[] run(SecureAudioMasker masker, short[] in, int frame) {
    short[] out = in.clone();
    for (int i = 0; i < out.length; i += frame) {
      masker.process(out, i, Math.min(frame, out.length - i));
    }
    return out;
  }

  private SecureAudioMasker silentMasker() {
    return new SecureAudioMasker(40, MaskingSignal.silence(), captured::add);
  }

  @Test
  void
      skippingAudioPassedOnElsewhere_thenHearingTheLastFrames_masksAKeyInProgressAsIfAllWasHeard() {
    // given: a second of silence, then key 5; secure mode starts 80 ms into the key
    short[] in = Signal.create().silence(1000).key('5', 200, -10).silence(300).toShorts();
    int switchAt = 8000 + 640;
    List<DtmfDigit> heardAllDigits = new ArrayList<>();
    List<DtmfDigit> skippedDigits = new ArrayList<>();
    SecureAudioMasker heardAll =
        new SecureAudioMasker(40, MaskingSignal.STANDARD, heardAllDigits::add);
    SecureAudioMasker skipped =
        new SecureAudioMasker(40, MaskingSignal.STANDARD, skippedDigits::add);
    short[] outAll = in.clone();
    short[] outSkipped = in.clone();

    // when: one listens to everything; the other to 200 ms, skips, then hears the last 8 frames
    process(heardAll, outAll, 0, switchAt);
    process(skipped, outSkipped, 0, 1600);
    skipped.skip(switchAt - 1280 - 1600);
    process(skipped, outSkipped, switchAt - 1280, switchAt);
    heardAll.enterSecureMode();
    skipped.enterSecureMode();
    process(heardAll, outAll, switchAt, in.length);
    process(skipped, outSkipped, switchAt, in.length);

    // then
    assertThat(
        Arrays.equals(
            Arrays.copyOfRange(outSkipped, switchAt, in.length),
            Arrays.copyOfRange(outAll, switchAt, in.length)),
        is(true));
    assertThat(heardAllDigits.size(), is(1));
    assertThat(skippedDigits.size(), is(1));
    assertThat(skippedDigits.get(0).symbol(), is(heardAllDigits.get(0).symbol()));
    assertThat(skipped.inputPosition(), is(heardAll.inputPosition()));
  }

  @Test
  void skipping_isRefusedWhileSecure_orBackwards() {
    SecureAudioMasker masker = silentMasker();
    assertThrows(IllegalArgumentException.class, () -> masker.skip(-1));
    masker.enterSecureMode();
    masker.process(new short[160]);
    assertThrows(IllegalStateException.class, () -> masker.skip(160));
  }

  private static void process(SecureAudioMasker masker, short[] audio, int from, int to) {
    for (int i = from; i < to; i += 160) {
      masker.process(audio, i, Math.min(160, to - i));
    }
  }

  @Test
  void passesFramesUnchanged_andUndelayed_inNormalMode() {
    // given
    short[] in = keys("1234", 100, 100, -10, new ArrayList<>());
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    // when
    short[] out = run(masker, in, 160);
    // then
    assertThat(Arrays.equals(out, in), is(true));
    assertThat(masker.outputPosition(), is((long) in.length));
    assertThat(captured.isEmpty(), is(true));
  }

  @Test
  void delaysByLookahead_andPassesSpeechBandAudio_inSecureMode() {
    // given: a tone that is not DTMF
    short[] in =
        Signal.create().tones(500, new double[] {400, 2500}, new double[] {-10, -20}).toShorts();
    SecureAudioMasker masker = silentMasker();
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 160);
    // then
    for (int i = 0; i < L; i++) {
      assertThat(out[i], is((short) 0));
    }
    for (int i = L; i < in.length; i++) {
      assertThat("sample " + i, out[i], is(in[i - L]));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 17, 51, 77, 101})
  void masksEverySampleOfEveryKey_andNothingFarFromThem(int offsetSamples) {
    // given
    List<long[]> spans = new ArrayList<>();
    short[] body = keys(DtmfDigit.KEYS, 60, 60, -20, spans);
    short[] in = new short[body.length + offsetSamples];
    System.arraycopy(body, 0, in, offsetSamples, body.length);
    SecureAudioMasker masker = silentMasker();
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 160);
    // then: every tone sample replaced by silence
    for (long[] span : spans) {
      for (long p = span[0] + offsetSamples; p < span[1] + offsetSamples; p++) {
        assertThat("tone sample " + p, out[(int) p + L], is((short) 0));
      }
    }
    assertThat(masker.leakedSamples(), is(0L));
    String keys = captured.stream().map(d -> String.valueOf(d.symbol())).reduce("", String::concat);
    assertThat(keys, is(DtmfDigit.KEYS));
  }

  @Test
  void masksKeyAtTheVeryStart_whenSecureFromTheFirstSample() {
    // given: the masking span reaches back before position 0 (into the look-ahead's fill)
    short[] in = Signal.create().key('5', 100, -10).silence(200).toShorts();
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 160);
    // then
    assertThat(Detection.of(out).keys(), is(""));
    assertThat(masker.leakedSamples(), is(0L));
    assertThat(captured.size(), is(1));
  }

  @Test
  void masksEachKeyWithTheSameToneSound() {
    // given
    List<long[]> spans = new ArrayList<>();
    short[] in = keys("159D", 100, 100, -10, spans);
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 160);
    // then: the middle of each tone carries exactly the masking tone
    MaskingSignal signal = MaskingSignal.STANDARD;
    for (long[] span : spans) {
      for (long p = span[0] + 100; p < span[1] - 100; p++) {
        assertThat(out[(int) p + L], is(signal.sampleAt(p)));
      }
    }
    assertThat(Detection.of(out).keys(), is(""));
  }

  @Test
  void leavesNoDetectableKey_inOutput_at15dBSnr() {
    // given: 45 ms keys at -25 dBm0 in white noise, 15 dB SNR
    Signal s = Signal.create().silence(200);
    for (char k : DtmfDigit.KEYS.toCharArray()) {
      s.key(k, 45, -25).silence(45);
    }
    short[] in = s.silence(200).noise(15, 11).toShorts();
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 240);
    // then
    assertThat(Detection.of(in).keys(), is(DtmfDigit.KEYS));
    assertThat(Detection.of(out).keys(), is(""));
    assertThat(masker.leakedSamples(), is(0L));
    assertThat(captured.size(), is(16));
  }

  @Test
  void countsLeakedSamples_whenLookaheadIsTooShort() {
    // given: a key starting 12.5 ms into a frame, so that tone is forwarded before it is detected
    short[] in = Signal.create().silence(212.5).key('1', 100, -10).silence(100).toShorts();
    SecureAudioMasker masker = new SecureAudioMasker(5, MaskingSignal.silence(), captured::add);
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 160);
    // then: tone did reach the output, and the masker knows
    int lookahead = 5 * 8;
    int toneStart = 1700;
    boolean toneForwarded = false;
    for (int p = toneStart; p < toneStart + 800; p++) {
      toneForwarded |= out[p + lookahead] != 0 && out[p + lookahead] == in[p];
    }
    assertThat(toneForwarded, is(true));
    assertThat(masker.leakedSamples(), greaterThan(0L));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 17, 51, 77, 101, 140})
  void masksEveryToneSample_andCountsNoLeak_withTheMinimumLookahead(int offsetSamples) {
    // given: 28 ms of look-ahead, the documented minimum, and keys at any alignment
    List<long[]> spans = new ArrayList<>();
    short[] body = keys("1D", 60, 60, -20, spans);
    short[] in = new short[body.length + offsetSamples];
    System.arraycopy(body, 0, in, offsetSamples, body.length);
    SecureAudioMasker masker = new SecureAudioMasker(28, MaskingSignal.silence(), captured::add);
    masker.enterSecureMode();
    // when
    short[] out = run(masker, in, 160);
    // then
    for (long[] span : spans) {
      for (long p = span[0] + offsetSamples; p < span[1] + offsetSamples; p++) {
        assertThat("tone sample " + p, out[(int) p + 28 * 8], is((short) 0));
      }
    }
    assertThat(masker.leakedSamples(), is(0L));
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 160, 240, 33})
  void givesSameOutput_forAnyFrameLength(int frame) {
    // given
    short[] in = keys("0#", 70, 50, -12, new ArrayList<>());
    SecureAudioMasker reference = new SecureAudioMasker(captured::add);
    SecureAudioMasker masker = new SecureAudioMasker(d -> {});
    reference.enterSecureMode();
    masker.enterSecureMode();
    // when
    short[] expected = run(reference, in, 160);
    short[] out = run(masker, in, frame);
    // then
    assertThat(Arrays.equals(out, expected), is(true));
  }

  @Test
  void masksRfc4733KeyPress_withTheSameSignal() {
    // given: silence; a telephone-event says a key is down for 80 ms from sample 2000
    short[] in = new short[4000];
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    masker.enterSecureMode();
    short[] out = in.clone();
    boolean whole = false;
    // when
    for (int i = 0; i < out.length; i += 160) {
      if (i == 1920) {
        whole = masker.maskKeyPress(2000, 2640);
      }
      masker.process(out, i, 160);
    }
    // then
    assertThat(whole, is(true));
    for (int p = 2000 + RAMP_DONE; p < 2640; p++) {
      assertThat(out[p + L], is(MaskingSignal.STANDARD.sampleAt(p)));
    }
    assertThat(out[1999 + L], is((short) 0));
    assertThat(out[2640 + 160 + L + 1], is((short) 0));
    assertThat(captured.isEmpty(), is(true));
  }

  private static final int RAMP_DONE = 32;

  @Test
  void refusesRfc4733Mask_inNormalMode_andForAlreadyForwardedSamples() {
    // given
    SecureAudioMasker normal = new SecureAudioMasker(captured::add);
    SecureAudioMasker secure = new SecureAudioMasker(captured::add);
    secure.enterSecureMode();
    secure.process(new short[1600]);
    // when / then
    assertThat(normal.maskKeyPress(0, 100), is(false));
    assertThat(secure.maskKeyPress(1000, 1400), is(false));
    assertThat(secure.leakedSamples(), is(1600L - L - 1000));
  }

  @Test
  void countsNoLeak_whenRfc4733KeyPressIsRegisteredAgainWithALaterEnd() {
    // given: a key press registered in advance, then partly forwarded, masked
    SecureAudioMasker masker = silentMasker();
    masker.enterSecureMode();
    masker.process(new short[1600]);
    assertThat(masker.maskKeyPress(1600, 2000), is(true));
    short[] audio = new short[800];
    Arrays.fill(audio, (short) 1000);
    masker.process(audio);
    // when: the event's duration grows; same start, which has been forwarded already
    boolean whole = masker.maskKeyPress(1600, 2400);
    // then
    assertThat(masker.outputPosition(), is(2400L - L));
    assertThat(whole, is(true));
    assertThat(masker.leakedSamples(), is(0L));
  }

  @Test
  void countsLeakedPartExactly_andOnce_whenRfc4733KeyPressArrivesLate() {
    // given: audio up to sample 1280 forwarded before the key press from 1000 is known
    SecureAudioMasker masker = silentMasker();
    masker.enterSecureMode();
    masker.process(new short[1600]);
    // when: registered late, then again as its duration grows
    boolean first = masker.maskKeyPress(1000, 1400);
    masker.process(new short[160]);
    boolean again = masker.maskKeyPress(1000, 1560);
    // then: [1000, 1280) leaked, counted once; [1280, ...) was masked in time
    assertThat(first, is(false));
    assertThat(again, is(false));
    assertThat(masker.leakedSamples(), is(1280L - 1000));
  }

  @Test
  void masksRfc4733KeyPress_acrossRepeatedRegistrations_asOneSpan() {
    // given: an event registered in advance and then at every frame with a growing end
    SecureAudioMasker masker = new SecureAudioMasker(captured::add);
    masker.enterSecureMode();
    short[] out = new short[6400];
    // when
    for (int i = 0; i < out.length; i += 160) {
      if (i >= 1920 && i <= 3200) {
        assertThat(masker.maskKeyPress(2000, i + 160), is(true));
      }
      masker.process(out, i, 160);
    }
    // then: one continuous masking tone from 2000 to the last end plus the hang-over
    for (int p = 2000 + RAMP_DONE; p < 3360 + 160 - RAMP_DONE; p++) {
      assertThat("sample " + p, out[p + L], is(MaskingSignal.STANDARD.sampleAt(p)));
    }
    assertThat(masker.leakedSamples(), is(0L));
  }

  @Test
  void masksToneInProgress_immediately_whenSecureModeStarts() {
    // given: a 300 ms key; secure mode starts 100 ms into it
    short[] in = Signal.create().silence(100).key('7', 300, -10).silence(300).toShorts();
    SecureAudioMasker masker = silentMasker();
    short[] out = in.clone();
    int switchAt = 800 + 800;
    // when
    for (int i = 0; i < out.length; i += 160) {
      if (i == switchAt) {
        masker.enterSecureMode();
      }
      masker.process(out, i, 160);
    }
    // then: before the switch the tone passed (normal mode); from the switch until the tone's end
    // nothing but the masking signal (silence here) comes out
    assertThat(out[switchAt - 1], is(in[switchAt - 1]));
    int toneEndOut = 800 + 2400 + L;
    for (int i = switchAt; i < toneEndOut; i++) {
      assertThat("sample " + i, out[i], is((short) 0));
    }
    short[] after = Arrays.copyOfRange(out, switchAt, out.length);
    assertThat(Detection.of(after).keys(), is(""));
    assertThat(masker.isDelaying(), is(true));
  }

  /**
   * Normal mode analyses nothing; switch-on replays the last blocks. A key that began before the
   * switch (long before, or a few ms before, at any phase against the detector's blocks) is masked
   * from the first output sample after the switch to its end, and captured once.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 40, 101, 150, 240, 330, 500, 1601})
  void masksToneInProgress_fromTheFirstFrame_afterLongNormalMode(int toneStartsBeforeSwitch) {
    for (int phase = 0; phase < DtmfDetector.BLOCK; phase += 17) {
      // given: 2 s of normal mode (plus phase), a 250 ms key starting before the switch
      captured.clear();
      int switchAt = 16000 + 160 * (phase / 16 + 1);
      int toneStart = switchAt - toneStartsBeforeSwitch + phase;
      short[] in =
          Signal.create().silence(toneStart / 8.0).key('6', 250, -12).silence(400).toShorts();
      int toneEnd = toneStart + 2000;
      SecureAudioMasker masker = silentMasker();
      short[] out = in.clone();
      // when
      for (int i = 0; i < out.length; i += 160) {
        if (i == switchAt) {
          masker.enterSecureMode();
        }
        masker.process(out, i, Math.min(160, out.length - i));
      }
      // then: from the switch (output jumps back by the look-ahead) to the tone's end, silence
      for (int i = switchAt; i < toneEnd + L; i++) {
        assertThat("phase " + phase + ", sample " + i, out[i], is((short) 0));
      }
      assertThat(Detection.of(Arrays.copyOfRange(out, switchAt, out.length)).keys(), is(""));
      assertThat(masker.leakedSamples(), is(0L));
      if (toneEnd - switchAt >= 2 * DtmfDetector.BLOCK) {
        assertThat("phase " + phase, keys(captured), is("6"));
      }
    }
  }

  /**
   * A key keyed right after secure mode starts (after a long normal mode) is masked and captured.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 40, 101, 160, 330})
  void masksAndCapturesKey_keyedRightAfterSecureModeStarts(int samplesAfterSwitch) {
    // given
    int switchAt = 24000;
    short[] in =
        Signal.create()
            .silence((switchAt + samplesAfterSwitch) / 8.0)
            .key('9', 60, -20)
            .silence(300)
            .toShorts();
    SecureAudioMasker masker = silentMasker();
    short[] out = in.clone();
    // when
    for (int i = 0; i < out.length; i += 160) {
      if (i == switchAt) {
        masker.enterSecureMode();
      }
      masker.process(out, i, Math.min(160, out.length - i));
    }
    // then
    assertThat(keys(captured), is("9"));
    assertThat(Detection.of(out).keys(), is(""));
    assertThat(masker.leakedSamples(), is(0L));
  }

  /** Leaving and re-entering within a few blocks keeps the detector's timeline continuous. */
  @Test
  void capturesKey_whenSecureModeIsReenteredWithinAFewBlocks() {
    // given: secure, off after 1 s, on again 30 ms later, a key 10 ms after that
    short[] in = Signal.create().silence(1040).key('3', 80, -15).silence(300).toShorts();
    SecureAudioMasker masker = silentMasker();
    short[] out = in.clone();
    // when
    for (int i = 0; i < out.length; i += 80) {
      if (i == 0 || i == 8240) {
        masker.enterSecureMode();
      } else if (i == 8000) {
        masker.leaveSecureMode();
      }
      masker.process(out, i, 80);
    }
    // then
    assertThat(keys(captured), is("3"));
    assertThat(Detection.of(out).keys(), is(""));
    assertThat(masker.leakedSamples(), is(0L));
  }

  private static String keys(List<DtmfDigit> digits) {
    StringBuilder s = new StringBuilder();
    digits.forEach(d -> s.append(d.symbol()));
    return s.toString();
  }

  @Test
  void keepsMaskingToneInProgress_whenSecureModeEnds_thenPassesUndelayed() {
    // given: secure from the start; a 300 ms key; normal mode requested 100 ms into it
    short[] in = Signal.create().silence(100).key('9', 300, -10).silence(400).toShorts();
    SecureAudioMasker masker = silentMasker();
    masker.enterSecureMode();
    short[] out = in.clone();
    int leaveAt = 800 + 800;
    // when
    for (int i = 0; i < out.length; i += 160) {
      if (i == leaveAt) {
        masker.leaveSecureMode();
      }
      masker.process(out, i, 160);
    }
    // then: the whole tone is masked, then output is the input, undelayed
    for (int p = 800; p < 800 + 2400; p++) {
      assertThat("tone sample " + p, out[p + L], is((short) 0));
    }
    assertThat(masker.isDelaying(), is(false));
    assertThat(masker.isSecure(), is(false));
    int tail = out.length - 800;
    for (int i = tail; i < out.length; i++) {
      assertThat(out[i], is(in[i]));
    }
    assertThat(Detection.of(out).keys(), is(""));
    assertThat(captured.size(), is(1));
  }

  @Test
  void leavesSecureModeAtOnce_whenNoToneIsNear() {
    // given
    SecureAudioMasker masker = silentMasker();
    masker.enterSecureMode();
    masker.process(new short[1600]);
    // when
    masker.leaveSecureMode();
    short[] frame = {1, 2, 3};
    masker.process(frame);
    // then
    assertThat(masker.isDelaying(), is(false));
    assertThat(frame[2], is((short) 3));
    assertThat(masker.outputPosition(), lessThanOrEqualTo(masker.inputPosition()));
  }
}
