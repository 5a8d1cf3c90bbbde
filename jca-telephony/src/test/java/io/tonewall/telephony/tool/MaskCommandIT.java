package io.tonewall.telephony.tool;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code mask} on every corpus sample: spandsp's leak check ({@code dtmfcheck -S -x}: relaxed
 * spandsp plus Goertzel residual scan) finds nothing in the output, and the captured digits are
 * what spandsp finds in the input, or the ground truth where spandsp is wrong.
 */
class MaskCommandIT {

  @BeforeAll
  static void corpus() throws Exception {
    DtmfCorpus.prepare();
  }

  @Test
  void leavesNothingRecoverable_andCapturesTheDigits_onEveryCorpusSample() throws Exception {
    Path dir = DtmfCorpus.TARGET.resolve("masked");
    Files.createDirectories(dir);
    List<String> failures = new ArrayList<>();
    for (Path sample : DtmfCorpus.samples()) {
      // given: raw G.711 / s16 samples wrapped into WAV by sox (an independent writer)
      String name = sample.getFileName().toString();
      Path in = sample;
      if (!name.endsWith(".wav")) {
        String type = name.endsWith(".ul") ? "ul" : name.endsWith(".al") ? "al" : "s16";
        in = dir.resolve(name + ".wav");
        List<String> cmd =
            type.equals("s16")
                ? List.of(
                    "sox",
                    "-t",
                    "raw",
                    "-e",
                    "signed",
                    "-b",
                    "16",
                    "-L",
                    "-r",
                    "8000",
                    "-c",
                    "1",
                    sample.toString(),
                    in.toString())
                : List.of(
                    "sox", "-t", type, "-r", "8000", "-c", "1", sample.toString(), in.toString());
        DtmfCorpus.check(DtmfCorpus.exec(cmd), "sox " + name);
      }
      Path out = dir.resolve(name + ".masked.wav");
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      // when
      int status =
          MaskCommand.run(
              new String[] {in.toString(), out.toString()},
              new PrintStream(stdout, true, StandardCharsets.UTF_8),
              new PrintStream(stderr, true, StandardCharsets.UTF_8));
      // then
      String printed = stdout.toString(StandardCharsets.UTF_8).strip();
      String digits = printed.startsWith("digits=") ? printed.substring(7) : "?";
      DtmfCorpus.Result leak =
          DtmfCorpus.exec(List.of(DtmfCorpus.DTMFCHECK.toString(), "-S", "-x", out.toString()));
      String spandsp = DtmfCorpus.spandsp(sample);
      boolean digitsOk = DtmfCorpus.verdict(DtmfCorpus.truth(name), spandsp, digits).isPresent();
      if (status != 0 || leak.status() != 0 || !digitsOk) {
        failures.add(
            name
                + ": exit "
                + status
                + ", digits '"
                + digits
                + "' (spandsp '"
                + spandsp
                + "'), leak check exit "
                + leak.status()
                + "\n"
                + leak.output());
      }
    }
    assertThat(failures, is(empty()));
  }
}
