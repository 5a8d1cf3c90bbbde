package io.tonewall.telephony.tool;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tonewall's detector against spandsp's on the shared corpus and on espeak-ng speech. Writes the
 * side-by-side tables to target/dtmf-evaluation.md (copied into docs/dtmf-evaluation.md).
 */
class DtmfEvaluationIT {

  private static final StringBuilder REPORT = new StringBuilder();

  @BeforeAll
  static void corpus() throws Exception {
    DtmfCorpus.prepare();
  }

  @Test
  void reportsWhatSpandspReports_orTheGroundTruthWhereSpandspIsWrong() throws Exception {
    // given
    List<Path> samples = DtmfCorpus.samples();
    assertThat(samples.size(), greaterThan(15));
    List<String> failures = new ArrayList<>();
    StringBuilder table = new StringBuilder();
    table.append("| sample | ground truth | spandsp | Tonewall | verdict |\n");
    table.append("|---|---|---|---|---|\n");
    for (Path sample : samples) {
      String name = sample.getFileName().toString();
      String truth = DtmfCorpus.truth(name);
      // when
      String spandsp = DtmfCorpus.spandsp(sample);
      String tonewall = DtmfCorpus.tonewall(DtmfCorpus.read(sample));
      // then
      Optional<String> verdict = DtmfCorpus.verdict(truth, spandsp, tonewall);
      table.append(
          String.format(
              "| %s | `%s` | `%s` | `%s` | %s |%n",
              name, truth, spandsp, tonewall, verdict.orElse("**FAIL**")));
      if (verdict.isEmpty()) {
        failures.add(name + ": spandsp '" + spandsp + "', Tonewall '" + tonewall + "'");
      }
    }
    write("## Corpus (make_samples.sh)\n\n" + table);
    assertThat(failures, is(empty()));
  }

  @Test
  void reportsNoDigitInSpeech_inTwelveLanguages() throws Exception {
    // given
    StringBuilder table = new StringBuilder();
    table.append("| speech | seconds | spandsp digits | Tonewall digits | ");
    table.append("blocks suspected (onset indicator) | masked by onset (ms) |\n");
    table.append("|---|---|---|---|---|---|\n");
    int falseDigits = 0;
    List<Path> speech = new ArrayList<>();
    for (String[] lang : DtmfCorpus.SPEECH) {
      speech.add(DtmfCorpus.speech(lang[0], lang[1]));
    }
    for (Path p : DtmfCorpus.samples()) {
      if (p.getFileName().toString().startsWith("speech_")) {
        speech.add(p);
      }
    }
    for (Path file : speech) {
      short[] audio = DtmfCorpus.read(file);
      // when
      String spandsp = DtmfCorpus.spandsp(file);
      String tonewall = DtmfCorpus.tonewall(audio);
      int[] suspected = new int[1];
      DtmfDetector detector =
          new DtmfDetector(
              new DtmfObserver() {
                @Override
                public void digitDetected(io.tonewall.telephony.dtmf.DtmfDigit digit) {}

                @Override
                public void toneSuspected(long from, long to) {
                  suspected[0]++;
                }
              });
      detector.process(audio);
      StringBuilder digits = new StringBuilder();
      short[] masked =
          MaskCommand.mask(audio, 40, io.tonewall.telephony.dtmf.MaskingSignal.silence(), digits);
      int maskedSamples = 0;
      for (int i = 0; i < audio.length; i++) {
        if (masked[i] == 0 && audio[i] != 0) {
          maskedSamples++;
        }
      }
      // then
      falseDigits += tonewall.length();
      table.append(
          String.format(
              "| %s | %.1f | `%s` | `%s` | %d | %d |%n",
              file.getFileName(),
              audio.length / 8000.0,
              spandsp,
              tonewall,
              suspected[0],
              maskedSamples / 8));
    }
    table.append("\nTonewall false digits in speech: ").append(falseDigits).append('\n');
    write("## Talk-off (espeak-ng, 8 kHz)\n\n" + table);
    assertThat(falseDigits, is(0));
  }

  private static synchronized void write(String section) throws Exception {
    REPORT.append(section).append('\n');
    Files.writeString(DtmfCorpus.TARGET.resolve("../dtmf-evaluation.md"), REPORT.toString());
  }
}
