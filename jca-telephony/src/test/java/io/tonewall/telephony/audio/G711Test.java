package io.tonewall.telephony.audio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class G711Test {

  @Test
  void decodesUlawKnownCodeWords() {
    // given / when / then: G.711 Table 2a mid-points scaled to 16 bits
    assertThat(G711.ulawToLinear((byte) 0xFF), is((short) 0));
    assertThat(G711.ulawToLinear((byte) 0x7F), is((short) 0));
    assertThat(G711.ulawToLinear((byte) 0x80), is((short) 32124));
    assertThat(G711.ulawToLinear((byte) 0x00), is((short) -32124));
    assertThat(G711.ulawToLinear((byte) 0xFE), is((short) 8));
    assertThat(G711.ulawToLinear((byte) 0x7E), is((short) -8));
    assertThat(G711.ulawToLinear((byte) 0xEF), is((short) 132));
  }

  @Test
  void encodesUlawKnownSamples() {
    // given / when / then
    assertThat(G711.linearToUlaw((short) 0), is((byte) 0xFF));
    assertThat(G711.linearToUlaw((short) -4), is((byte) 0x7E));
    assertThat(G711.linearToUlaw((short) 3), is((byte) 0xFF));
    assertThat(G711.linearToUlaw(Short.MAX_VALUE), is((byte) 0x80));
    assertThat(G711.linearToUlaw(Short.MIN_VALUE), is((byte) 0x00));
    assertThat(G711.linearToUlaw((short) 32124), is((byte) 0x80));
  }

  @Test
  void decodesAlawKnownCodeWords() {
    // given / when / then: G.711 Table 1a, even bits inverted (0x55)
    assertThat(G711.alawToLinear((byte) 0xD5), is((short) 8));
    assertThat(G711.alawToLinear((byte) 0x55), is((short) -8));
    assertThat(G711.alawToLinear((byte) 0xAA), is((short) 32256));
    assertThat(G711.alawToLinear((byte) 0x2A), is((short) -32256));
    assertThat(G711.alawToLinear((byte) 0xD4), is((short) 24));
  }

  @Test
  void encodesAlawKnownSamples() {
    // given / when / then
    assertThat(G711.linearToAlaw((short) 0), is((byte) 0xD5));
    assertThat(G711.linearToAlaw((short) -1), is((byte) 0x55));
    assertThat(G711.linearToAlaw(Short.MAX_VALUE), is((byte) 0xAA));
    assertThat(G711.linearToAlaw(Short.MIN_VALUE), is((byte) 0x2A));
  }

  @Test
  void roundTripsEveryUlawCodeWord_exceptNegativeZero() {
    for (int c = 0; c < 256; c++) {
      // given
      byte code = (byte) c;
      // when
      byte back = G711.linearToUlaw(G711.ulawToLinear(code));
      // then
      assertThat("code " + c, back, is(c == 0x7F ? (byte) 0xFF : code));
    }
  }

  @Test
  void roundTripsEveryAlawCodeWord() {
    for (int c = 0; c < 256; c++) {
      // given
      byte code = (byte) c;
      // when
      byte back = G711.linearToAlaw(G711.alawToLinear(code));
      // then
      assertThat("code " + c, back, is(code));
    }
  }

  @Test
  void encodesEveryLinearSampleToTheNearestDecisionLevel() {
    for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s += 7) {
      // given
      short sample = (short) s;
      // when
      short u = G711.ulawToLinear(G711.linearToUlaw(sample));
      short a = G711.alawToLinear(G711.linearToAlaw(sample));
      // then: companding error stays within half a step of the segment (about 3 % + 1 LSB)
      assertThat("ulaw " + s, Math.abs(u - s) <= Math.abs(s) / 16 + 8, is(true));
      assertThat("alaw " + s, Math.abs(a - s) <= Math.abs(s) / 16 + 16, is(true));
    }
  }

  @Test
  void bulkFormsMatchSingleSampleForms() {
    // given
    short[] samples = {0, 1, -1, 1000, -1000, 32767, -32768, 12345};
    // when
    byte[] u = G711.linearToUlaw(samples);
    byte[] a = G711.linearToAlaw(samples);
    // then
    for (int i = 0; i < samples.length; i++) {
      assertThat(u[i], is(G711.linearToUlaw(samples[i])));
      assertThat(a[i], is(G711.linearToAlaw(samples[i])));
    }
    assertThat(G711.ulawToLinear(u)[3], equalTo(G711.ulawToLinear(u[3])));
    assertThat(G711.alawToLinear(a)[3], equalTo(G711.alawToLinear(a[3])));
  }
}
