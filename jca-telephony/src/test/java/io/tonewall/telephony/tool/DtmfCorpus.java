package io.tonewall.telephony.tool;

import static org.junit.jupiter.api.Assertions.fail;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.audio.WavFile;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfDigit;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared DTMF corpus for the ITs: builds spandsp's dtmfcheck with the shared build.sh and
 * generates the samples with make_samples.sh into target/dtmf-check (once per JVM), generates
 * espeak-ng speech for talk-off, and knows each sample's ground truth.
 *
 * <p>Ground truth comes from make_samples.sh: the digits it synthesises for samples meant to be
 * detected ({@code seq16_*}, {@code pan_*}, {@code freq_*1.5pct}, {@code twist_*}, {@code
 * level_-25dBm0}), and none for samples that must be rejected ({@code short_20ms}, {@code
 * freq_*3.5pct}, {@code level_-45dBm0}, masking outputs, speech). Verdict rule: Tonewall must
 * report what spandsp reports ("same"), or, where spandsp differs from the ground truth, the ground
 * truth ("better"). Anything else fails.
 */
final class DtmfCorpus {

  static final Path TARGET = Path.of("target", "dtmf-check").toAbsolutePath();
  static final Path SAMPLES = TARGET.resolve("samples");
  static final Path DTMFCHECK = TARGET.resolve("dtmfcheck");
  static final Path BENCH = TARGET.resolve("bench_dtmf_rx");
  static final String[][] SPEECH = {
    {"en", "Please enter your sixteen digit card number, then the expiry date and the code."},
    {"fr", "Veuillez saisir les seize chiffres de votre carte, puis la date d'expiration."},
    {"ja", "カード番号を入力してください。ありがとうございます。お支払いは完了しました。"},
    {"es", "Por favor, introduzca el número de su tarjeta y la fecha de caducidad."},
    {"de", "Bitte geben Sie Ihre Kartennummer und das Ablaufdatum ein. Vielen Dank."},
    {"it", "Inserisca il numero della carta e la data di scadenza, grazie mille."},
    {"pt", "Por favor, digite o número do seu cartão e a data de validade."},
    {"ru", "Пожалуйста, введите номер вашей карты и срок действия. Спасибо."},
    {"cmn", "请输入您的银行卡号码和有效期。谢谢您的来电。"},
    {"hi", "कृपया अपना कार्ड नंबर और समाप्ति तिथि दर्ज करें। धन्यवाद।"},
    {"ar", "من فضلك أدخل رقم بطاقتك وتاريخ انتهاء الصلاحية. شكرا لك."},
    {"nl", "Voer uw kaartnummer en de vervaldatum in. Hartelijk dank."}
  };

  private static boolean prepared;

  private DtmfCorpus() {}

  /**
   * The shared tool folder: $DTMF_CHECK_DIR, else {@code ../shared/tools/dtmf-check} beside the
   * project root (tests run in the module folder, one level below the root).
   */
  static Path toolDir() {
    String env = System.getenv("DTMF_CHECK_DIR");
    Path dir =
        env != null
            ? Path.of(env)
            : Path.of("..", "..", "shared", "tools", "dtmf-check").toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("build.sh"))) {
      fail("dtmf-check tools not found in " + dir + " (set DTMF_CHECK_DIR)");
    }
    return dir;
  }

  static synchronized void prepare() throws Exception {
    if (prepared) {
      return;
    }
    requireTool("gcc", "gcc");
    requireTool("pkg-config", "pkg-config");
    requireTool("sox", "sox");
    requireTool("espeak-ng", "espeak-ng");
    if (exec(List.of("pkg-config", "--exists", "spandsp")).status != 0) {
      fail("spandsp development files missing: apt-get install libspandsp-dev");
    }
    Path tools = toolDir();
    check(exec(List.of(tools.resolve("build.sh").toString(), TARGET.toString())), "build.sh");
    check(
        exec(List.of(tools.resolve("make_samples.sh").toString(), SAMPLES.toString())), "samples");
    prepared = true;
  }

  static void requireTool(String command, String debianPackage) throws Exception {
    if (exec(List.of("sh", "-c", "command -v " + command)).status != 0) {
      fail(command + " not found: install Debian package " + debianPackage + " (CI installs it)");
    }
  }

  /** Sample files of the corpus (audio only), sorted by name. */
  static List<Path> samples() throws IOException {
    try (var files = Files.list(SAMPLES)) {
      return files.filter(p -> p.toString().matches(".*\\.(wav|ul|al|raw)$")).sorted().toList();
    }
  }

  /** Ground truth for a sample of make_samples.sh (see the class comment). */
  static String truth(String name) {
    if (name.startsWith("seq16_")) {
      return DtmfDigit.KEYS;
    }
    if (name.startsWith("pan_40on_40off")) {
      return "4111111111111111";
    }
    if (name.matches("freq_(plus|minus)1\\.5pct\\.wav") || name.startsWith("twist_")) {
      return "159D";
    }
    if (name.startsWith("level_-25dBm0")) {
      return "1234";
    }
    if (name.startsWith("short_20ms")
        || name.matches("freq_(plus|minus)3\\.5pct\\.wav")
        || name.startsWith("level_-45dBm0")
        || name.startsWith("mask_")
        || name.startsWith("speech_")
        || name.startsWith("talkoff_")) {
      return "";
    }
    throw new IllegalArgumentException("no ground truth for " + name);
  }

  /** Digits spandsp's dtmfcheck finds in a file. */
  static String spandsp(Path file, String... options) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(DTMFCHECK.toString(), "-q"));
    cmd.addAll(List.of(options));
    cmd.add(file.toString());
    Result r = exec(cmd);
    Matcher m = Pattern.compile("inband_digits=\"([^\"]*)\"").matcher(r.output);
    if (r.status != 0 || !m.find()) {
      fail("dtmfcheck failed on " + file + ": " + r.output);
    }
    return m.group(1);
  }

  /** Linear samples of a corpus file (WAV, raw µ-law .ul, raw A-law .al, raw s16le .raw). */
  static short[] read(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".wav")) {
      return WavFile.read(file).samples();
    }
    byte[] bytes = Files.readAllBytes(file);
    if (name.endsWith(".ul")) {
      return G711.ulawToLinear(bytes);
    }
    if (name.endsWith(".al")) {
      return G711.alawToLinear(bytes);
    }
    short[] s = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }

  /** Digits Tonewall's detector finds, fed in 20 ms frames and flushed like dtmfcheck. */
  static String tonewall(short[] audio) {
    StringBuilder b = new StringBuilder();
    DtmfDetector detector = new DtmfDetector(d -> b.append(d.symbol()));
    for (int i = 0; i < audio.length; i += 160) {
      detector.process(audio, i, Math.min(160, audio.length - i));
    }
    detector.process(new short[320]);
    detector.finish();
    return b.toString();
  }

  /** "same", "better", or empty if Tonewall is worse than spandsp. */
  static Optional<String> verdict(String truth, String spandsp, String tonewall) {
    if (tonewall.equals(spandsp)) {
      return Optional.of("same");
    }
    if (!spandsp.equals(truth) && tonewall.equals(truth)) {
      return Optional.of("better (spandsp wrong)");
    }
    return Optional.empty();
  }

  /** Speech from espeak-ng in one language, 8 kHz mono 16-bit, -3 dBFS peak. */
  static Path speech(String language, String text) throws Exception {
    Path dir = TARGET.resolve("talkoff");
    Files.createDirectories(dir);
    Path raw = dir.resolve("raw_" + language + ".wav");
    Path out = dir.resolve("talkoff_" + language + ".wav");
    if (!Files.exists(out)) {
      check(
          exec(List.of("espeak-ng", "-v", language, "-s", "160", "-w", raw.toString(), text)),
          "espeak-ng " + language);
      check(
          exec(
              List.of(
                  "sox",
                  raw.toString(),
                  "-r",
                  "8000",
                  "-c",
                  "1",
                  "-b",
                  "16",
                  out.toString(),
                  "gain",
                  "-n",
                  "-3")),
          "sox " + language);
    }
    return out;
  }

  static void check(Result r, String what) {
    if (r.status != 0) {
      fail(what + " failed (exit " + r.status + "): " + r.output);
    }
  }

  record Result(int status, String output) {}

  static Result exec(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = p.getInputStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command.get(0) + " timed out");
    }
    return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
  }
}
