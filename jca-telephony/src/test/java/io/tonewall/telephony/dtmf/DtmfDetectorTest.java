package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DtmfDetectorTest {

  private static final String ALL = DtmfDigit.KEYS;

  private static Signal sequence(String keys, double onMs, double offMs, double dbm0) {
    Signal s = Signal.create().silence(200);
    for (char k : keys.toCharArray()) {
      s.key(k, onMs, dbm0).silence(offMs);
    }
    return s.silence(200);
  }

  @Test
  void skipTo_forgetsAKeySounding_andKeepsBlocksAligned() {
    // given: a key sounding for 100 ms, unreported yet
    java.util.List<DtmfDigit> digits = new java.util.ArrayList<>();
    DtmfDetector detector =
        new DtmfDetector(
            new DtmfObserver() {
              @Override
              public void digitDetected(DtmfDigit digit) {
                digits.add(digit);
              }

              @Override
              public void toneSuspected(long fromSample, long toSample) {}
            });
    detector.process(Signal.create().key('5', 100, -10).toShorts());
    assertThat(detector.inDigit(), is(true));

    // when: ten blocks later, a key of 60 ms
    detector.skipTo(10L * DtmfDetector.BLOCK);
    detector.process(Signal.create().key('8', 60, -10).silence(60).toShorts());

    // then: the first key was dropped unreported, the second is placed on the stream's timeline
    assertThat(digits, hasSize(1));
    assertThat(digits.get(0).symbol(), is('8'));
    assertThat(digits.get(0).startSample(), is(10L * DtmfDetector.BLOCK));
    assertThat(detector.position(), is(10L * DtmfDetector.BLOCK + Math.round(120 * 8.0)));
  }

  @Test
  void skipTo_refusesToGoBack_orOffABlockBoundary() {
    DtmfDetector detector = new DtmfDetector(Detection.of(new short[0]));
    detector.process(new short[300]);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> detector.skipTo(204));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> detector.skipTo(400));
    detector.skipTo(306);
    assertThat(detector.position(), is(306L));
  }

  @Test
  void detectsEveryKey_atMinus10dBm0() {
    // given
    short[] audio = sequence(ALL, 100, 100, -10).toShorts();
    // when
    Detection d = Detection.of(audio);
    // then
    assertThat(d.keys(), is(ALL));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -3, -20, -30, -33})
  void detectsEveryKey_fromZeroDownToMinus30dBm0(double dbm0) {
    // given
    short[] audio = sequence(ALL, 60, 60, dbm0).toShorts();
    // when / then
    assertThat(Detection.of(audio).keys(), is(ALL));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-40, -45, -55})
  void rejectsTones_belowMinus38dBm0(double dbm0) {
    // given
    short[] audio = sequence(ALL, 100, 100, dbm0).toShorts();
    // when / then
    assertThat(Detection.of(audio).keys(), is(""));
  }

  @Test
  void reportsEachKeyOnce_withStartAndEndWithinOneBlock() {
    // given: 200 ms silence, 100 ms '5', 100 ms silence, 100 ms '5'
    short[] audio = sequence("55", 100, 100, -10).toShorts();
    // when
    Detection d = Detection.of(audio);
    // then
    assertThat(d.digits, hasSize(2));
    long[] starts = {1600, 3200};
    for (int i = 0; i < 2; i++) {
      DtmfDigit digit = d.digits.get(i);
      assertThat(Math.abs(digit.startSample() - starts[i]), lessThanOrEqualTo(102L));
      assertThat(Math.abs(digit.endSample() - (starts[i] + 800)), lessThanOrEqualTo(102L));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 10 * 8, 20 * 8, 30 * 8, 101, 1000})
  void givesSameResult_forAnyFrameLength(int frame) {
    // given
    short[] audio = sequence("1A*0", 50, 50, -15).toShorts();
    // when
    Detection d = Detection.of(audio, frame);
    Detection reference = Detection.of(audio, 160);
    // then
    assertThat(d.keys(), is("1A*0"));
    for (int i = 0; i < 4; i++) {
      assertThat(d.digits.get(i).startSample(), is(reference.digits.get(i).startSample()));
      assertThat(d.digits.get(i).endSample(), is(reference.digits.get(i).endSample()));
    }
  }

  @Test
  void detects40msTones_atEveryAlignment() {
    for (int offset = 0; offset < DtmfDetector.BLOCK; offset += 3) {
      // given
      Signal s = Signal.create().silence(offset / 8.0);
      for (char k : ALL.toCharArray()) {
        s.key(k, 40, -20).silence(40);
      }
      // when / then
      assertThat("offset " + offset, Detection.of(s.silence(50).toShorts()).keys(), is(ALL));
    }
  }

  @Test
  void rejects20msTones_atEveryAlignment() {
    for (int offset = 0; offset < DtmfDetector.BLOCK; offset += 3) {
      // given
      Signal s = Signal.create().silence(offset / 8.0);
      for (char k : ALL.toCharArray()) {
        s.key(k, 20, -5).silence(60);
      }
      // when / then
      assertThat("offset " + offset, Detection.of(s.toShorts()).keys(), is(""));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.985, 1.015})
  void detectsFrequencyDeviation_ofOnePointFivePercent_onEitherOrBothTones(double factor) {
    for (double[] f : new double[][] {{factor, 1}, {1, factor}, {factor, factor}}) {
      // given
      Signal s = Signal.create().silence(100);
      for (char k : ALL.toCharArray()) {
        s.key(k, 60, -10, -10, f[0], f[1]).silence(60);
      }
      // when / then
      assertThat(Detection.of(s.toShorts()).keys(), is(ALL));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.965, 1.035, 0.95, 1.06})
  void rejectsFrequencyDeviation_ofThreePointFivePercent_onEitherTone(double factor) {
    for (double[] f : new double[][] {{factor, 1}, {1, factor}, {factor, factor}}) {
      // given
      Signal s = Signal.create().silence(100);
      for (char k : ALL.toCharArray()) {
        s.key(k, 100, -10, -10, f[0], f[1]).silence(60);
      }
      // when / then
      assertThat(Detection.of(s.toShorts()).keys(), is(""));
    }
  }

  @Test
  void acceptsNormalTwist_of8dB_andReverseTwist_of6dB() {
    for (double[] levels :
        new double[][] {{-10, -18}, {-16, -10}, {-22, -30}, {-26, -20}, {-14, -10}}) {
      // given
      Signal s = Signal.create().silence(100);
      for (char k : ALL.toCharArray()) {
        s.key(k, 60, levels[0], levels[1], 1, 1).silence(60);
      }
      // when / then
      assertThat(levels[0] + "/" + levels[1] + " dBm0", Detection.of(s.toShorts()).keys(), is(ALL));
    }
  }

  @Test
  void rejectsTwist_of12dB() {
    for (double[] levels : new double[][] {{-6, -18}, {-18, -6}}) {
      // given
      Signal s = Signal.create().silence(100);
      for (char k : ALL.toCharArray()) {
        s.key(k, 60, levels[0], levels[1], 1, 1).silence(60);
      }
      // when / then
      assertThat(Detection.of(s.toShorts()).keys(), is(""));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void detectsEveryKey_at15dBSnr(long seed) {
    // given: 40 ms tones and pauses (the hardest case) at -20 dBm0 in white noise
    short[] audio = sequence(ALL, 45, 45, -20).noise(15, seed).toShorts();
    // when / then
    assertThat(Detection.of(audio).keys(), is(ALL));
  }

  @Test
  void reportsNothing_inWhiteNoise() {
    // given
    short[] audio = Signal.create().silence(10_000).toShorts();
    Signal noisy = Signal.create().tones(10_000, new double[] {1000}, new double[] {-60});
    noisy.noise(-40, 7);
    // when / then
    assertThat(Detection.of(audio).keys(), is(""));
    assertThat(Detection.of(noisy.toShorts()).keys(), is(""));
  }

  @Test
  void rejectsTonePair_withSecondHarmonics_likeVoicedSpeech() {
    // given: a key's two tones plus their second harmonics 10 dB down (a vowel, not a keypad)
    Signal s = Signal.create().silence(100);
    for (char k : ALL.toCharArray()) {
      double r = Signal.rowOf(k);
      double c = Signal.colOf(k);
      s.tones(100, new double[] {r, c, 2 * r, 2 * c}, new double[] {-10, -10, -20, -20});
      s.silence(60);
    }
    // when / then
    assertThat(Detection.of(s.toShorts()).keys(), is(""));
  }

  @Test
  void rejectsHarmonicSeries_ofVoicedSpeechLikeBuzz() {
    // given: buzzes with fundamentals 90..300 Hz and 12 equal harmonics
    Signal s = Signal.create();
    for (double f0 = 90; f0 <= 300; f0 += 3.5) {
      int harmonics = (int) (3400 / f0);
      double[] hz = new double[harmonics];
      double[] level = new double[harmonics];
      for (int h = 0; h < harmonics; h++) {
        hz[h] = f0 * (h + 1);
        level[h] = -20 - 3 * h;
      }
      s.tones(120, hz, level);
    }
    // when / then
    assertThat(Detection.of(s.toShorts()).keys(), is(""));
  }

  @Test
  void rejectsSingleTones_andThirdTone() {
    // given: a row tone alone, a column tone alone, and a key with a third DTMF tone as strong
    Signal s = Signal.create().silence(100);
    s.tones(100, new double[] {697}, new double[] {-10}).silence(60);
    s.tones(100, new double[] {1336}, new double[] {-10}).silence(60);
    s.tones(100, new double[] {697, 1209, 1336}, new double[] {-10, -10, -10}).silence(60);
    // when / then
    assertThat(Detection.of(s.toShorts()).keys(), is(""));
  }

  @Test
  void suspectsTone_beforeConfirmingIt_andWithinOneBlockOfItsOnset() {
    // given: tone onset at sample 1650 (not block aligned)
    short[] audio = Signal.create().silence(1650 / 8.0).key('8', 80, -25).silence(100).toShorts();
    // when
    Detection d = Detection.of(audio);
    // then
    assertThat(d.keys(), is("8"));
    assertThat(d.suspected, not(empty()));
    long firstSuspect = d.suspected.get(0)[0];
    assertThat(firstSuspect, greaterThanOrEqualTo(1650L - DtmfDetector.BLOCK));
    assertThat(firstSuspect, lessThan(1650L + DtmfDetector.BLOCK));
    assertThat(firstSuspect, lessThanOrEqualTo(d.digits.get(0).startSample()));
  }

  @Test
  void reportsKeyStillSounding_whenStreamFinishes() {
    // given
    short[] audio = Signal.create().silence(50).key('#', 200, -10).toShorts();
    Detection d = new Detection();
    DtmfDetector detector = new DtmfDetector(d);
    // when
    detector.process(audio);
    detector.finish();
    // then
    assertThat(d.keys(), equalTo("#"));
    assertThat(detector.position(), is((long) audio.length));
  }

  @Test
  void digitToString_neverShowsTheKey() {
    // given
    DtmfDigit digit = DtmfDigit.of('7', 10, 20);
    // when / then
    assertThat(digit.toString().contains("7"), is(false));
    assertThat(digit.toString(), is("DtmfDigit[*, 10..20]"));
  }
}
