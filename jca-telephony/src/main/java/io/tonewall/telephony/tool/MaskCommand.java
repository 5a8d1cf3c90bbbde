package io.tonewall.telephony.tool;

import io.tonewall.telephony.audio.UnsupportedAudioFormatException;
import io.tonewall.telephony.audio.WavAudio;
import io.tonewall.telephony.audio.WavFile;
import io.tonewall.telephony.dtmf.MaskingSignal;
import io.tonewall.telephony.dtmf.SecureAudioMasker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code mask IN.wav OUT.wav [--lookahead-ms N] [--mask tone|silence]}: runs the secure-mode masker
 * over a whole 8 kHz mono recording (16-bit PCM, µ-law or A-law WAV) as a caller → agent stream,
 * secure from the first sample, and writes what the agent would hear in the same format. OUT is
 * aligned with IN and has the same length: the look-ahead is flushed with silence at the end and
 * the first look-ahead's worth of output (the delay) is dropped.
 *
 * <p>Prints exactly one line {@code digits=<keys captured>} on stdout. Errors: one line on stderr
 * and exit status 2 for usage errors, 1 for unreadable or unsupported input or an unwritable
 * output.
 */
public final class MaskCommand {

  static final int USAGE = 2;
  static final int BAD_INPUT = 1;
  private static final String NAME = "tonewall mask";
  private static final String SYNOPSIS =
      "usage: " + NAME + " IN.wav OUT.wav [--lookahead-ms N] [--mask tone|silence]";

  private MaskCommand() {}

  /** Entry point: exits with the status of {@link #run}. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit status (0 on success). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String[] files = new String[2];
    int nFiles = 0;
    int lookaheadMs = SecureAudioMasker.DEFAULT_LOOKAHEAD_MS;
    MaskingSignal signal = MaskingSignal.STANDARD;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--lookahead-ms") || a.equals("--mask")) {
        if (i + 1 >= args.length) {
          return usage(err, a + " needs a value");
        }
        String v = args[++i];
        if (a.equals("--mask")) {
          if (v.equals("tone")) {
            signal = MaskingSignal.STANDARD;
          } else if (v.equals("silence")) {
            signal = MaskingSignal.silence();
          } else {
            return usage(err, "--mask must be tone or silence, not '" + v + "'");
          }
        } else {
          try {
            lookaheadMs = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            return usage(err, "--lookahead-ms must be a whole number of milliseconds");
          }
          if (lookaheadMs < 0 || lookaheadMs > 200) {
            return usage(err, "--lookahead-ms must be 0..200");
          }
        }
      } else if (a.startsWith("--")) {
        return usage(err, "unknown option " + a);
      } else if (nFiles < 2) {
        files[nFiles++] = a;
      } else {
        return usage(err, "too many arguments");
      }
    }
    if (nFiles < 2) {
      return usage(err, "IN.wav and OUT.wav are required");
    }
    WavAudio in;
    try {
      in = WavFile.read(Path.of(files[0]));
    } catch (NoSuchFileException e) {
      return fail(err, files[0] + ": no such file");
    } catch (UnsupportedAudioFormatException e) {
      return fail(err, files[0] + ": " + e.getMessage());
    } catch (IOException e) {
      return fail(err, files[0] + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    StringBuilder digits = new StringBuilder();
    short[] masked = mask(in.samples(), lookaheadMs, signal, digits);
    try {
      WavFile.write(Path.of(files[1]), WavAudio.of(in.encoding(), masked));
    } catch (IOException e) {
      return fail(err, files[1] + ": cannot write (" + e.getClass().getSimpleName() + ")");
    }
    out.println("digits=" + digits);
    return 0;
  }

  /** Masks a whole recording; output aligned with input. Captured keys are appended to digits. */
  static short[] mask(short[] in, int lookaheadMs, MaskingSignal signal, StringBuilder digits) {
    SecureAudioMasker masker =
        new SecureAudioMasker(lookaheadMs, signal, d -> digits.append(d.symbol()));
    masker.enterSecureMode();
    int delay = masker.lookaheadSamples();
    // flush: the look-ahead plus enough silence for a key at the very end to be reported
    int flush = delay + 4 * 102;
    short[] stream = new short[in.length + flush];
    System.arraycopy(in, 0, stream, 0, in.length);
    for (int i = 0; i < stream.length; i += 160) {
      masker.process(stream, i, Math.min(160, stream.length - i));
    }
    short[] out = new short[in.length];
    System.arraycopy(stream, delay, out, 0, in.length);
    return out;
  }

  private static int usage(PrintStream err, String problem) {
    err.println(NAME + ": " + problem + " (" + SYNOPSIS + ")");
    return USAGE;
  }

  private static int fail(PrintStream err, String problem) {
    err.println(NAME + ": " + problem);
    return BAD_INPUT;
  }
}
