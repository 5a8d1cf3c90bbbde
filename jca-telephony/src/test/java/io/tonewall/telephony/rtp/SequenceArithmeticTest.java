package io.tonewall.telephony.rtp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class SequenceArithmeticTest {

  @Test
  void seesSequenceNumberAfterWrapAsNewer() {
    assertThat(SequenceNumber.isNewer(2, 65534), is(true));
    assertThat(SequenceNumber.isNewer(65534, 2), is(false));
    assertThat(SequenceNumber.distance(65534, 2), is(4));
    assertThat(SequenceNumber.distance(2, 65534), is(-4));
  }

  @Test
  void addsAcrossWrap_inBothDirections() {
    assertThat(SequenceNumber.add(65535, 1), is(0));
    assertThat(SequenceNumber.add(0, -1), is(65535));
    assertThat(SequenceNumber.add(100, 70000), is((100 + 70000) % 65536));
  }

  @Test
  void treatsEqualSequenceNumbersAsNotNewer() {
    assertThat(SequenceNumber.isNewer(7, 7), is(false));
    assertThat(SequenceNumber.distance(7, 7), is(0));
  }

  @Test
  void seesTimestampAfterWrapAsLater() {
    assertThat(RtpTimestamp.isNewer(80, 0xFFFF_FF60L), is(true));
    assertThat(RtpTimestamp.distance(0xFFFF_FF60L, 80), is(240L));
    assertThat(RtpTimestamp.distance(80, 0xFFFF_FF60L), is(-240L));
    assertThat(RtpTimestamp.add(0xFFFF_FF60L, 240), is(80L));
    assertThat(RtpTimestamp.add(80, -240), is(0xFFFF_FF60L));
  }
}
