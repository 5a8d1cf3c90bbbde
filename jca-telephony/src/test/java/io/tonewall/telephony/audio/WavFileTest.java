package io.tonewall.telephony.audio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WavFileTest {

  private static final short[] SAMPLES = {0, 100, -100, 32767, -32768, 5000, -7};

  @Test
  void roundTripsPcm16() throws Exception {
    // given
    WavAudio audio = WavAudio.of(AudioEncoding.PCM_16, SAMPLES);
    // when
    WavAudio back = WavFile.parse(WavFile.toBytes(audio));
    // then
    assertThat(back.encoding(), is(AudioEncoding.PCM_16));
    assertThat(Arrays.equals(back.samples(), SAMPLES), is(true));
  }

  @Test
  void roundTripsUlawAndAlawThroughG711() throws Exception {
    for (AudioEncoding encoding : new AudioEncoding[] {AudioEncoding.ULAW, AudioEncoding.ALAW}) {
      // given
      WavAudio audio = WavAudio.of(encoding, SAMPLES);
      // when
      byte[] bytes = WavFile.toBytes(audio);
      WavAudio back = WavFile.parse(bytes);
      // then
      assertThat(back.encoding(), is(encoding));
      assertThat(back.length(), is(SAMPLES.length));
      assertThat(
          ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(20),
          is((short) encoding.wavFormatTag()));
      short expected =
          encoding == AudioEncoding.ULAW
              ? G711.ulawToLinear(G711.linearToUlaw((short) 5000))
              : G711.alawToLinear(G711.linearToAlaw((short) 5000));
      assertThat(back.samples()[5], is(expected));
    }
  }

  @Test
  void refusesEmptyFile() {
    // when
    var e = assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(new byte[0]));
    // then
    assertThat(e.getMessage(), containsString("empty"));
  }

  @Test
  void refusesNonWav() {
    // when
    var e =
        assertThrows(
            UnsupportedAudioFormatException.class,
            () -> WavFile.parse("hello, this is not audio".getBytes()));
    // then
    assertThat(e.getMessage(), containsString("not a RIFF/WAVE"));
  }

  @Test
  void refusesTruncatedData_atEveryCutPoint() {
    // given
    byte[] whole = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, SAMPLES));
    for (int cut = 1; cut < whole.length; cut++) {
      byte[] part = Arrays.copyOf(whole, cut);
      // when
      var e = assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(part));
      // then
      assertThat("cut " + cut, e.getMessage().isBlank(), is(false));
    }
  }

  @Test
  void refusesTruncatedUlaw_atEveryCutPoint() {
    // given
    byte[] whole = WavFile.toBytes(WavAudio.of(AudioEncoding.ULAW, SAMPLES));
    int padding = SAMPLES.length & 1; // an odd data chunk is followed by one pad byte
    for (int cut = 1; cut < whole.length - padding; cut++) {
      byte[] part = Arrays.copyOf(whole, cut);
      // when / then
      assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(part));
    }
  }

  @Test
  void refusesNon8kHz() {
    // given
    byte[] bytes = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, SAMPLES));
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 16000);
    // when
    var e = assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(bytes));
    // then
    assertThat(e.getMessage(), containsString("16000 Hz"));
  }

  @Test
  void refusesStereo() {
    // given
    byte[] bytes = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, SAMPLES));
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 2);
    // when
    var e = assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(bytes));
    // then
    assertThat(e.getMessage(), containsString("2 channels"));
  }

  @Test
  void refusesUnknownFormatTag() {
    // given: format 3 (IEEE float)
    byte[] bytes = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, SAMPLES));
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 3);
    // when
    var e = assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(bytes));
    // then
    assertThat(e.getMessage(), containsString("format tag 3"));
  }

  @Test
  void refuses8BitPcm() {
    // given
    byte[] bytes = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, SAMPLES));
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
    // when
    var e = assertThrows(UnsupportedAudioFormatException.class, () -> WavFile.parse(bytes));
    // then
    assertThat(e.getMessage(), containsString("8 bits"));
  }

  @Test
  void skipsUnknownChunksBeforeData() throws Exception {
    // given: a LIST chunk of odd length (padded) between fmt and data
    byte[] plain = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, SAMPLES));
    ByteBuffer b = ByteBuffer.allocate(plain.length + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(plain, 0, 36).put("LIST".getBytes()).putInt(3).put(new byte[] {1, 2, 3, 0});
    b.put(plain, 36, plain.length - 36);
    // when
    WavAudio back = WavFile.parse(b.array());
    // then
    assertThat(Arrays.equals(back.samples(), SAMPLES), is(true));
  }
}
