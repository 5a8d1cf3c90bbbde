package io.tonewall.telephony.tool;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.AudioEncoding;
import io.tonewall.telephony.audio.WavAudio;
import io.tonewall.telephony.audio.WavFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return MaskCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String[] errLines() {
    return err.toString(StandardCharsets.UTF_8).split("\n");
  }

  private static short[] keys(String keys) {
    int n = 1600 + keys.length() * 1600 + 1600;
    short[] s = new short[n];
    double peak = 32768.0 * Math.pow(10, (-10 - 3.14) / 20);
    double[] rows = {697, 770, 852, 941};
    double[] cols = {1209, 1336, 1477, 1633};
    for (int k = 0; k < keys.length(); k++) {
      int key = "123A456B789C*0#D".indexOf(keys.charAt(k));
      int start = 1600 + k * 1600;
      for (int t = 0; t < 800; t++) {
        double v = Math.sin(2 * Math.PI * rows[key / 4] * t / 8000);
        v += Math.sin(2 * Math.PI * cols[key % 4] * t / 8000);
        s[start + t] = (short) Math.round(peak * v);
      }
    }
    return s;
  }

  @Test
  void masksFile_keepsFormatAndLength_andPrintsDigits() throws Exception {
    for (AudioEncoding encoding : AudioEncoding.values()) {
      // given
      Path in = dir.resolve("in-" + encoding + ".wav");
      Path outFile = dir.resolve("out-" + encoding + ".wav");
      WavFile.write(in, WavAudio.of(encoding, keys("4711")));
      out.reset();
      // when
      int status = run(in.toString(), outFile.toString());
      // then
      assertThat(status, is(0));
      assertThat(out.toString(StandardCharsets.UTF_8), is("digits=4711" + System.lineSeparator()));
      WavAudio masked = WavFile.read(outFile);
      assertThat(masked.encoding(), is(encoding));
      assertThat(masked.length(), is(WavFile.read(in).length()));
      StringBuilder again = new StringBuilder();
      MaskCommand.mask(
          masked.samples(), 40, io.tonewall.telephony.dtmf.MaskingSignal.silence(), again);
      assertThat(again.toString(), is(""));
    }
    assertThat(err.size(), is(0));
  }

  @Test
  void keepsAudioAligned_withSilenceMask() throws Exception {
    // given: a non-DTMF ramp
    short[] ramp = new short[4000];
    for (int i = 0; i < ramp.length; i++) {
      ramp[i] = (short) (i % 200 - 100);
    }
    Path in = dir.resolve("ramp.wav");
    Path o = dir.resolve("ramp-out.wav");
    WavFile.write(in, WavAudio.of(AudioEncoding.PCM_16, ramp));
    // when
    int status = run(in.toString(), o.toString(), "--mask", "silence", "--lookahead-ms", "60");
    // then
    assertThat(status, is(0));
    assertThat(Arrays.equals(WavFile.read(o).samples(), ramp), is(true));
  }

  @Test
  void exits2_withOneLine_onMissingArguments() {
    // when / then
    assertThat(run("only-one.wav"), is(2));
    assertThat(errLines().length, is(1));
    assertThat(errLines()[0], containsString("usage:"));
    assertThat(out.size(), is(0));
  }

  @Test
  void exits2_withOneLine_onBadOptions() {
    String[][] cases = {
      {"a.wav", "b.wav", "--mask", "noise"},
      {"a.wav", "b.wav", "--lookahead-ms", "abc"},
      {"a.wav", "b.wav", "--lookahead-ms", "-5"},
      {"a.wav", "b.wav", "--lookahead-ms"},
      {"a.wav", "b.wav", "--volume", "3"},
      {"a.wav", "b.wav", "c.wav"},
      {}
    };
    for (String[] args : cases) {
      // given
      err.reset();
      // when
      int status = run(args);
      // then
      assertThat(String.join(" ", args), status, is(2));
      assertThat(errLines().length, is(1));
    }
  }

  @Test
  void exits1_withOneLine_onMissingFile() {
    // when
    int status = run(dir.resolve("nope.wav").toString(), dir.resolve("o.wav").toString());
    // then
    assertThat(status, is(1));
    assertThat(errLines().length, is(1));
    assertThat(errLines()[0], containsString("no such file"));
  }

  @Test
  void exits1_withOneLine_onEmptyTruncatedStereoOrNon8kHzFile() throws Exception {
    // given
    byte[] good = WavFile.toBytes(WavAudio.of(AudioEncoding.PCM_16, keys("1")));
    byte[] stereo = good.clone();
    ByteBuffer.wrap(stereo).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 2);
    byte[] wideband = good.clone();
    ByteBuffer.wrap(wideband).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 16000);
    byte[][] bad = {new byte[0], Arrays.copyOf(good, good.length / 2), stereo, wideband};
    String[] expected = {"empty", "truncated", "channels", "16000 Hz"};
    for (int i = 0; i < bad.length; i++) {
      Path in = dir.resolve("bad" + i + ".wav");
      Files.write(in, bad[i]);
      err.reset();
      // when
      int status = run(in.toString(), dir.resolve("o.wav").toString());
      // then
      assertThat(status, is(1));
      assertThat(errLines().length, is(1));
      assertThat(errLines()[0], containsString(expected[i]));
      assertThat(errLines()[0].contains("Exception"), is(false));
    }
  }

  @Test
  void exits1_onUnwritableOutput() throws Exception {
    // given
    Path in = dir.resolve("in.wav");
    WavFile.write(in, WavAudio.of(AudioEncoding.ULAW, keys("1")));
    // when
    int status = run(in.toString(), dir.resolve("no/such/dir/out.wav").toString());
    // then
    assertThat(status, is(1));
    assertThat(errLines().length, is(1));
  }
}
