package io.tonewall.telephony.audio;

/**
 * ITU-T G.711 companding between 16-bit linear samples and 8-bit µ-law (PCMU) or A-law (PCMA) code
 * words.
 *
 * <p>Decoding returns the G.711 decision-interval mid-points scaled to 16 bits (µ-law: 14-bit
 * values shifted left by 2, range ±32124; A-law: 13-bit values shifted left by 3, range ±32256).
 * Encoding truncates the 16-bit input to 14 (µ-law) or 13 (A-law) bits first, as G.711 and the
 * reference implementations do, so that {@code encode(decode(c)) == c} for every code word except
 * µ-law's negative zero {@code 0x7F}, which encodes back as positive zero {@code 0xFF}.
 */
public final class G711 {

  private static final int ULAW_BIAS = 0x84;
  private static final int ULAW_CLIP = 8159;
  private static final short[] ULAW_TO_LINEAR = new short[256];
  private static final short[] ALAW_TO_LINEAR = new short[256];

  static {
    for (int c = 0; c < 256; c++) {
      ULAW_TO_LINEAR[c] = (short) decodeUlaw(c);
      ALAW_TO_LINEAR[c] = (short) decodeAlaw(c);
    }
  }

  private G711() {}

  /** Decodes one µ-law code word to a 16-bit linear sample. */
  public static short ulawToLinear(byte code) {
    return ULAW_TO_LINEAR[code & 0xFF];
  }

  /** Decodes one A-law code word to a 16-bit linear sample. */
  public static short alawToLinear(byte code) {
    return ALAW_TO_LINEAR[code & 0xFF];
  }

  /** Encodes one 16-bit linear sample as a µ-law code word. */
  public static byte linearToUlaw(short sample) {
    int pcm = sample >> 2;
    int mask;
    if (pcm < 0) {
      pcm = -pcm;
      mask = 0x7F;
    } else {
      mask = 0xFF;
    }
    if (pcm > ULAW_CLIP) {
      pcm = ULAW_CLIP;
    }
    pcm += ULAW_BIAS >> 2;
    int segment = segment(pcm >> 6);
    if (segment >= 8) {
      return (byte) (0x7F ^ mask);
    }
    int code = (segment << 4) | ((pcm >> (segment + 1)) & 0x0F);
    return (byte) (code ^ mask);
  }

  /** Encodes one 16-bit linear sample as an A-law code word. */
  public static byte linearToAlaw(short sample) {
    int pcm = sample >> 3;
    int mask;
    if (pcm >= 0) {
      mask = 0xD5;
    } else {
      mask = 0x55;
      pcm = -pcm - 1;
    }
    int segment = segment(pcm >> 5);
    if (segment >= 8) {
      return (byte) (0x7F ^ mask);
    }
    int code = segment << 4;
    code |= segment < 2 ? (pcm >> 1) & 0x0F : (pcm >> segment) & 0x0F;
    return (byte) (code ^ mask);
  }

  /** Decodes {@code length} µ-law code words from {@code in[inOffset..]} into {@code out}. */
  public static void ulawToLinear(byte[] in, int inOffset, short[] out, int outOffset, int length) {
    for (int i = 0; i < length; i++) {
      out[outOffset + i] = ULAW_TO_LINEAR[in[inOffset + i] & 0xFF];
    }
  }

  /** Decodes {@code length} A-law code words from {@code in[inOffset..]} into {@code out}. */
  public static void alawToLinear(byte[] in, int inOffset, short[] out, int outOffset, int length) {
    for (int i = 0; i < length; i++) {
      out[outOffset + i] = ALAW_TO_LINEAR[in[inOffset + i] & 0xFF];
    }
  }

  /**
   * Encodes {@code length} linear samples from {@code in[inOffset..]} as µ-law into {@code out}.
   */
  public static void linearToUlaw(short[] in, int inOffset, byte[] out, int outOffset, int length) {
    for (int i = 0; i < length; i++) {
      out[outOffset + i] = linearToUlaw(in[inOffset + i]);
    }
  }

  /**
   * Encodes {@code length} linear samples from {@code in[inOffset..]} as A-law into {@code out}.
   */
  public static void linearToAlaw(short[] in, int inOffset, byte[] out, int outOffset, int length) {
    for (int i = 0; i < length; i++) {
      out[outOffset + i] = linearToAlaw(in[inOffset + i]);
    }
  }

  /** Decodes a whole µ-law array into a new linear array. */
  public static short[] ulawToLinear(byte[] codes) {
    short[] out = new short[codes.length];
    ulawToLinear(codes, 0, out, 0, codes.length);
    return out;
  }

  /** Decodes a whole A-law array into a new linear array. */
  public static short[] alawToLinear(byte[] codes) {
    short[] out = new short[codes.length];
    alawToLinear(codes, 0, out, 0, codes.length);
    return out;
  }

  /** Encodes a whole linear array as µ-law into a new array. */
  public static byte[] linearToUlaw(short[] samples) {
    byte[] out = new byte[samples.length];
    linearToUlaw(samples, 0, out, 0, samples.length);
    return out;
  }

  /** Encodes a whole linear array as A-law into a new array. */
  public static byte[] linearToAlaw(short[] samples) {
    byte[] out = new byte[samples.length];
    linearToAlaw(samples, 0, out, 0, samples.length);
    return out;
  }

  /** Segment number 0..8 of a magnitude already shifted so that segment 0 is {@code 0}. */
  private static int segment(int shifted) {
    int segment = 0;
    while (shifted > 0 && segment < 8) {
      shifted >>= 1;
      segment++;
    }
    return segment;
  }

  private static int decodeUlaw(int code) {
    int u = ~code & 0xFF;
    int t = ((u & 0x0F) << 3) + ULAW_BIAS;
    t <<= (u & 0x70) >> 4;
    return (u & 0x80) != 0 ? ULAW_BIAS - t : t - ULAW_BIAS;
  }

  private static int decodeAlaw(int code) {
    int a = code ^ 0x55;
    int t = (a & 0x0F) << 4;
    int segment = (a & 0x70) >> 4;
    if (segment == 0) {
      t += 8;
    } else {
      t += 0x108;
      t <<= segment - 1;
    }
    return (a & 0x80) != 0 ? t : -t;
  }
}
