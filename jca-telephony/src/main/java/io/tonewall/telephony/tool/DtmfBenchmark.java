package io.tonewall.telephony.tool;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.audio.WavFile;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.LeakSentinel;
import io.tonewall.telephony.dtmf.SecureAudioMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DtmfBenchmark SAMPLE.wav [BENCH_DTMF_RX] [SECONDS_OF_AUDIO]}: cost per 20 ms frame of
 * detection alone, of detection + secure masking, and of the leak sentinel on the masked output
 * (analysis alone, and with the A-law decode the relay does first), on one core, after warm-up;
 * then runs spandsp's {@code bench_dtmf_rx} on the same file (if given) and prints the ratio. Not a
 * test: run it through bench/dtmf-bench.sh.
 */
public final class DtmfBenchmark {

  private static final int FRAME = 160;

  private DtmfBenchmark() {}

  /** Runs the benchmark; exit 2 on usage errors, 1 if the sample cannot be read. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DtmfBenchmark SAMPLE.wav [BENCH_DTMF_RX] [SECONDS_OF_AUDIO]");
      System.exit(2);
    }
    short[] audio;
    try {
      audio = WavFile.read(Path.of(args[0])).samples();
    } catch (IOException e) {
      System.err.println("DtmfBenchmark: " + args[0] + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    int frames = audio.length / FRAME;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 1080;
    int reps = (int) Math.ceil(seconds / (frames * 0.02));
    short[] work = new short[FRAME];
    byte[] maskedAlaw = maskedAlaw(audio, frames);
    short[] masked = G711.alawToLinear(maskedAlaw);
    for (int warm = 0; warm < 3; warm++) {
      detect(audio, frames, Math.max(1, reps / 4), work);
      mask(audio, frames, Math.max(1, reps / 4), work);
      sentinel(masked, frames, Math.max(1, reps / 4));
      sentinelWithDecode(maskedAlaw, frames, Math.max(1, reps / 4), work);
    }
    double detectNs = detect(audio, frames, reps, work);
    double maskNs = mask(audio, frames, reps, work);
    double sentinelNs = sentinel(masked, frames, reps);
    double sentinelDecodeNs = sentinelWithDecode(maskedAlaw, frames, reps, work);
    print("tonewall detect       ", detectNs);
    print("tonewall detect+mask  ", maskNs);
    print("tonewall leak sentinel", sentinelNs);
    print("tonewall sentinel+alaw", sentinelDecodeNs);
    if (args.length > 1) {
      int spandspReps = (int) Math.ceil(seconds / (audio.length / 8000.0));
      Process p =
          new ProcessBuilder(args[1], args[0], Integer.toString(spandspReps))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      System.out.println("spandsp bench_dtmf_rx: " + out);
      Matcher m = Pattern.compile("([0-9.]+) us per 20 ms frame").matcher(out);
      if (m.find()) {
        double spandspNs = Double.parseDouble(m.group(1)) * 1000;
        System.out.printf(
            Locale.ROOT,
            "ratio tonewall/spandsp: detect %.2f, detect+mask %.2f (<= 1.00 means Tonewall is"
                + " cheaper)%n",
            detectNs / spandspNs,
            maskNs / spandspNs);
      }
    }
  }

  private static void print(String what, double nsPerFrame) {
    System.out.printf(
        Locale.ROOT,
        "%s %8.0f ns per 20 ms frame  => %,.0f real-time streams per core%n",
        what,
        nsPerFrame,
        20_000_000.0 / nsPerFrame);
  }

  private static double detect(short[] audio, int frames, int reps, short[] work) {
    long[] digits = new long[1];
    DtmfDetector detector = new DtmfDetector(d -> digits[0]++);
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      for (int f = 0; f < frames; f++) {
        detector.process(audio, f * FRAME, FRAME);
      }
    }
    long t1 = System.nanoTime();
    if (digits[0] == 0) {
      System.out.println("(no digits detected in the sample)");
    }
    return (double) (t1 - t0) / ((long) reps * frames);
  }

  /** The sample masked in secure mode, A-law encoded: what the relay sends to the agent. */
  private static byte[] maskedAlaw(short[] audio, int frames) {
    SecureAudioMasker masker = new SecureAudioMasker(d -> {});
    masker.enterSecureMode();
    short[] masked = java.util.Arrays.copyOf(audio, frames * FRAME);
    for (int f = 0; f < frames; f++) {
      masker.process(masked, f * FRAME, FRAME);
    }
    return G711.linearToAlaw(masked);
  }

  private static double sentinel(short[] masked, int frames, int reps) {
    LeakSentinel sentinel = new LeakSentinel();
    long hits = 0;
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      for (int f = 0; f < frames; f++) {
        hits += sentinel.examine(masked, f * FRAME, FRAME);
      }
    }
    long t1 = System.nanoTime();
    if (hits != 0) {
      System.out.println("(the leak sentinel flagged " + hits + " blocks of the masked sample)");
    }
    return (double) (t1 - t0) / ((long) reps * frames);
  }

  private static double sentinelWithDecode(byte[] alaw, int frames, int reps, short[] work) {
    LeakSentinel sentinel = new LeakSentinel();
    long hits = 0;
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      for (int f = 0; f < frames; f++) {
        G711.alawToLinear(alaw, f * FRAME, work, 0, FRAME);
        hits += sentinel.examine(work, 0, FRAME);
      }
    }
    long t1 = System.nanoTime();
    if (hits != 0) {
      System.out.println("(the leak sentinel flagged " + hits + " blocks of the masked sample)");
    }
    return (double) (t1 - t0) / ((long) reps * frames);
  }

  private static double mask(short[] audio, int frames, int reps, short[] work) {
    long[] digits = new long[1];
    SecureAudioMasker masker = new SecureAudioMasker(d -> digits[0]++);
    masker.enterSecureMode();
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      for (int f = 0; f < frames; f++) {
        System.arraycopy(audio, f * FRAME, work, 0, FRAME);
        masker.process(work, 0, FRAME);
      }
    }
    long t1 = System.nanoTime();
    return (double) (t1 - t0) / ((long) reps * frames);
  }
}
