package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class ExtendedSequenceTest {

  @Test
  void countsRollOver_whenSequenceWraps() {
    // given
    ExtendedSequence sequence = ExtendedSequence.trusted(65534);

    // when
    sequence.update(65534);
    sequence.update(65535);
    SequenceVerdict verdict = sequence.update(0);
    sequence.update(1);

    // then
    assertThat(verdict, is(SequenceVerdict.IN_ORDER));
    assertThat(sequence.rollOverCount(), is(1L));
    assertThat(sequence.highestExtended(), is(65536L + 1));
    assertThat(sequence.expected(), is(4L));
    assertThat(sequence.received(), is(4L));
  }

  @Test
  void mapsLatePacketFromBeforeTheWrap_belowTheHighest() {
    // given
    ExtendedSequence sequence = ExtendedSequence.trusted(65533);
    sequence.update(65533);
    sequence.update(0);

    // when
    SequenceVerdict verdict = sequence.update(65535);

    // then
    assertThat(verdict, is(SequenceVerdict.LATE));
    assertThat(sequence.extend(65535), is(65535L));
    assertThat(sequence.highestExtended(), is(65536L));
  }

  @Test
  void holdsNewSourceOnProbation_untilTwoSequentialPackets() {
    // given
    ExtendedSequence sequence = ExtendedSequence.withProbation(1000);

    // when
    SequenceVerdict first = sequence.update(1000);
    SequenceVerdict second = sequence.update(1001);

    // then
    assertThat(first, is(SequenceVerdict.PROBATION));
    assertThat(second, is(SequenceVerdict.IN_ORDER));
    assertThat(second.valid(), is(true));
  }

  @Test
  void restartsCounting_whenTwoSequentialPacketsFollowALargeJump() {
    // given
    ExtendedSequence sequence = ExtendedSequence.trusted(10);
    sequence.update(10);
    sequence.update(11);

    // when
    SequenceVerdict jump = sequence.update(30000);
    SequenceVerdict follow = sequence.update(30001);

    // then
    assertThat(jump, is(SequenceVerdict.JUMPED));
    assertThat(jump.valid(), is(false));
    assertThat(follow, is(SequenceVerdict.RESTARTED));
    assertThat(sequence.highestExtended(), is(30001L));
  }

  @Test
  void reportsDuplicateAsLate() {
    // given
    ExtendedSequence sequence = ExtendedSequence.trusted(500);
    sequence.update(500);

    // when
    SequenceVerdict verdict = sequence.update(500);

    // then
    assertThat(verdict, is(SequenceVerdict.LATE));
    assertThat(sequence.highestExtended(), is(500L));
  }
}
