package io.tonewall.telephony.ivr;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.audio.AudioEncoding;
import io.tonewall.telephony.audio.WavAudio;
import io.tonewall.telephony.audio.WavFile;
import io.tonewall.telephony.dtmf.DtmfDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

  @TempDir Path folder;

  @Test
  void bundlesEveryPromptInEnglishFrenchGermanAndSpanish_asAudibleSpeechWithoutDtmf()
      throws Exception {
    // when
    PromptLibrary library = PromptLibrary.bundled();

    // then
    assertThat(library.languages(), is(Set.of("de", "en", "es", "fr")));
    for (String language : library.languages()) {
      for (IvrPrompt prompt : IvrPrompt.values()) {
        short[] samples = library.samples(language, prompt);
        double sum = 0;
        for (short s : samples) {
          sum += (double) s * s;
        }
        String name = language + "/" + prompt.fileName();
        assertThat(name, samples.length, greaterThan(4000)); // at least half a second
        assertThat(name, Math.sqrt(sum / samples.length), greaterThan(300.0));
        List<Character> keys = new ArrayList<>();
        DtmfDetector detector = new DtmfDetector(digit -> keys.add(digit.symbol()));
        detector.process(samples);
        detector.finish();
        assertThat(name + " sounds like keys", keys.size(), is(0));
      }
    }
  }

  @Test
  void readsAFolderOverride_whoseSubFoldersAreLanguages() throws Exception {
    // given
    writeLanguage("nl", Optional.empty());

    // when
    PromptLibrary library = PromptLibrary.load(Optional.of(folder));

    // then
    assertThat(library.languages(), is(Set.of("nl")));
    assertThat(library.samples("nl", IvrPrompt.GOODBYE).length, is(8000));
  }

  @Test
  void refusesALanguageWithAPromptMissing_namingTheFile() throws Exception {
    // given
    writeLanguage("nl", Optional.of(IvrPrompt.CARD_SAVED));

    // when
    PromptLoadException error =
        assertThrows(PromptLoadException.class, () -> PromptLibrary.fromDirectory(folder));

    // then
    assertThat(
        error.getMessage(),
        containsString(folder.resolve("nl").resolve("card-saved.wav").toString()));
  }

  @Test
  void refusesAnEmptyFolder_andAnUnknownLanguage() throws Exception {
    // when
    PromptLoadException empty =
        assertThrows(PromptLoadException.class, () -> PromptLibrary.fromDirectory(folder));
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> PromptLibrary.bundled().samples("xx", IvrPrompt.GOODBYE));

    // then
    assertThat(empty.getMessage(), containsString("holds no language folder"));
    assertThat(unknown.getMessage(), containsString("[de, en, es, fr]"));
  }

  private void writeLanguage(String language, Optional<IvrPrompt> leftOut) throws Exception {
    Path dir = Files.createDirectories(folder.resolve(language));
    short[] second = new short[8000];
    for (int i = 0; i < second.length; i++) {
      second[i] = (short) (3000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
    }
    for (IvrPrompt prompt : IvrPrompt.values()) {
      if (leftOut.equals(Optional.of(prompt))) {
        continue;
      }
      WavFile.write(dir.resolve(prompt.fileName()), WavAudio.of(AudioEncoding.PCM_16, second));
    }
  }
}
