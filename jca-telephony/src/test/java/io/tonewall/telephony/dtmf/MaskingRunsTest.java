package io.tonewall.telephony.dtmf;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MaskingRunsTest {

  @Test
  void mergesOverlappingAndTouchingMaskedRuns_intoOne() {
    // given
    MaskingRuns runs = new MaskingRuns(8);
    // when
    runs.addMasked(100, 200, 0);
    runs.addMasked(300, 400, 0);
    runs.addMasked(200, 300, 0);
    runs.addMasked(150, 450, 0);
    // then
    assertThat(runs.size(), is(1));
    assertThat(runs.start(0), is(100L));
    assertThat(runs.end(0), is(450L));
  }

  @Test
  void countsUnmaskedSamplesOnce_andNeverMaskedOnes() {
    // given: [100, 200) and [300, 400) went out masked
    MaskingRuns runs = new MaskingRuns(8);
    runs.addMasked(100, 200, 0);
    runs.addMasked(300, 400, 0);
    // when
    long first = runs.countAndRecordLeak(0, 500, 500);
    long again = runs.countAndRecordLeak(50, 450, 500);
    // then: 0..100, 200..300 and 400..500 leaked, once
    assertThat(first, is(300L));
    assertThat(again, is(0L));
    assertThat(runs.allMasked(100, 200), is(true));
    assertThat(runs.allMasked(100, 301), is(false));
  }

  @Test
  void forgetsOldestHistory_whenFull_andCountsForgottenSamplesAsLeaked() {
    // given: three masked runs of history in a list of three
    MaskingRuns runs = new MaskingRuns(3);
    runs.addMasked(0, 10, 0);
    runs.addMasked(20, 30, 0);
    runs.addMasked(40, 50, 0);
    // when: a fourth run needs room
    runs.addMasked(60, 70, 60);
    // then: [0, 10) is no longer known to have been masked
    assertThat(runs.forgottenBefore(), is(10L));
    assertThat(runs.allMasked(0, 10), is(false));
    assertThat(runs.countAndRecordLeak(0, 10, 70), is(10L));
    assertThat(runs.allMasked(20, 30), is(true));
  }

  @Test
  void refusesToForgetRunsStillAheadOfTheOutput() {
    // given: every run is still to be output
    MaskingRuns runs = new MaskingRuns(2);
    runs.addMasked(100, 200, 0);
    runs.addMasked(300, 400, 0);
    // when / then
    assertThrows(IllegalStateException.class, () -> runs.addMasked(500, 600, 0));
    assertThat(runs.size(), is(2));
  }

  @Test
  void forgetsRunsFromAPosition_cuttingTheOneThatSpansIt() {
    // given
    MaskingRuns runs = new MaskingRuns(4);
    runs.addMasked(100, 200, 0);
    runs.addMasked(300, 400, 0);
    // when
    runs.truncate(150);
    // then
    assertThat(runs.size(), is(1));
    assertThat(runs.end(0), is(150L));
  }
}
