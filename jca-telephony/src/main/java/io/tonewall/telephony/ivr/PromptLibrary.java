package io.tonewall.telephony.ivr;

import io.tonewall.telephony.audio.UnsupportedAudioFormatException;
import io.tonewall.telephony.audio.WavAudio;
import io.tonewall.telephony.audio.WavFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The IVR's prompts: for each language, every {@link IvrPrompt} as 8 kHz linear samples read with
 * the audio package (WAV in 16-bit PCM, A-law or µ-law). Loaded once at start, either from the
 * bundled resources ({@code ivr-prompts/languages.txt} and {@code ivr-prompts/<lang>/<name>.wav} on
 * the class path) or from a folder whose sub-folders are the languages. A language with a prompt
 * missing is refused with the file's name. Immutable.
 */
public final class PromptLibrary {

  /** Where the bundled prompts live on the class path. */
  public static final String RESOURCE_ROOT = "ivr-prompts/";

  private final Map<String, Map<IvrPrompt, short[]>> byLanguage;

  private PromptLibrary(Map<String, Map<IvrPrompt, short[]>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  /**
   * The prompts of {@code directory} if given, else the bundled ones.
   *
   * @throws PromptLoadException naming the first missing or unreadable file
   */
  public static PromptLibrary load(Optional<Path> directory) throws PromptLoadException {
    return directory.isPresent() ? fromDirectory(directory.get()) : bundled();
  }

  /** The prompts bundled with the adapter. */
  public static PromptLibrary bundled() throws PromptLoadException {
    ClassLoader loader = PromptLibrary.class.getClassLoader();
    Set<String> languages = new TreeSet<>();
    try (InputStream index = loader.getResourceAsStream(RESOURCE_ROOT + "languages.txt")) {
      if (index == null) {
        throw new PromptLoadException(
            "the bundled IVR prompts are missing: no " + RESOURCE_ROOT + "languages.txt");
      }
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          languages.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new PromptLoadException("cannot read " + RESOURCE_ROOT + "languages.txt", e);
    }
    Map<String, Map<IvrPrompt, short[]>> all = new TreeMap<>();
    for (String language : languages) {
      Map<IvrPrompt, short[]> prompts = new EnumMap<>(IvrPrompt.class);
      for (IvrPrompt prompt : IvrPrompt.values()) {
        String name = RESOURCE_ROOT + language + "/" + prompt.fileName();
        try (InputStream in = loader.getResourceAsStream(name)) {
          if (in == null) {
            throw new PromptLoadException("IVR prompt missing: " + name + " (class path)");
          }
          prompts.put(prompt, decode(in.readAllBytes(), name));
        } catch (IOException e) {
          throw new PromptLoadException("cannot read IVR prompt " + name, e);
        }
      }
      all.put(language, prompts);
    }
    return new PromptLibrary(all);
  }

  /** The prompts of {@code directory}: each sub-folder is a language and must hold every prompt. */
  public static PromptLibrary fromDirectory(Path directory) throws PromptLoadException {
    Map<String, Map<IvrPrompt, short[]>> all = new TreeMap<>();
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, Files::isDirectory)) {
      for (Path folder : folders) {
        Map<IvrPrompt, short[]> prompts = new EnumMap<>(IvrPrompt.class);
        for (IvrPrompt prompt : IvrPrompt.values()) {
          Path file = folder.resolve(prompt.fileName());
          if (!Files.isRegularFile(file)) {
            throw new PromptLoadException("IVR prompt missing: " + file);
          }
          prompts.put(prompt, decode(Files.readAllBytes(file), file.toString()));
        }
        all.put(folder.getFileName().toString(), prompts);
      }
    } catch (IOException e) {
      throw new PromptLoadException("cannot read the IVR prompt folder " + directory, e);
    }
    if (all.isEmpty()) {
      throw new PromptLoadException(
          "IVR prompt folder " + directory + " holds no language folder (<lang>/<prompt>.wav)");
    }
    return new PromptLibrary(all);
  }

  private static short[] decode(byte[] bytes, String name) throws PromptLoadException {
    try {
      WavAudio audio = WavFile.parse(bytes);
      if (audio.length() == 0) {
        throw new PromptLoadException("IVR prompt " + name + " holds no audio");
      }
      return audio.samples();
    } catch (UnsupportedAudioFormatException e) {
      throw new PromptLoadException(
          "IVR prompt " + name + " is not 8 kHz mono WAV: " + e.getMessage(), e);
    }
  }

  /** Languages with every prompt, e.g. {@code [de, en, es, fr]}. */
  public Set<String> languages() {
    return byLanguage.keySet();
  }

  /** Whether {@code language} has prompts. */
  public boolean speaks(String language) {
    return byLanguage.containsKey(language);
  }

  /**
   * The samples of {@code prompt} in {@code language} (shared: do not change them).
   *
   * @throws IllegalArgumentException when the language has no prompts
   */
  public short[] samples(String language, IvrPrompt prompt) {
    Map<IvrPrompt, short[]> prompts = byLanguage.get(language);
    if (prompts == null) {
      throw new IllegalArgumentException(
          "no IVR prompts in language '" + language + "'; supported: " + languages());
    }
    return prompts.get(prompt);
  }
}
