package io.tonewall.telephony.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes RIFF/WAVE files of 8 kHz mono audio in 16-bit PCM (format tag 1), A-law (6) or
 * µ-law (7); {@code WAVE_FORMAT_EXTENSIBLE} wrapping one of those is read as well. Anything else —
 * an empty or truncated file, another rate, more than one channel, another format — is refused with
 * an {@link UnsupportedAudioFormatException} whose message says why.
 */
public final class WavFile {

  private static final int EXTENSIBLE = 0xFFFE;
  private static final long UNKNOWN_LENGTH = 0xFFFFFFFFL;

  private WavFile() {}

  /**
   * Reads a WAV file.
   *
   * @throws NoSuchFileException if the file does not exist
   * @throws UnsupportedAudioFormatException if it is not a usable 8 kHz mono WAV file
   * @throws IOException on other read errors
   */
  public static WavAudio read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return parse(bytes);
  }

  /** Reads a WAV file from a stream (read to its end). */
  public static WavAudio read(InputStream in) throws IOException {
    return parse(in.readAllBytes());
  }

  /** Parses the bytes of a whole WAV file. */
  public static WavAudio parse(byte[] bytes) throws UnsupportedAudioFormatException {
    if (bytes.length == 0) {
      throw new UnsupportedAudioFormatException("empty file");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
      throw new UnsupportedAudioFormatException("not a RIFF/WAVE file");
    }
    int position = 12;
    AudioEncoding encoding = null;
    while (true) {
      if (position + 8 > bytes.length) {
        throw new UnsupportedAudioFormatException(
            encoding == null ? "truncated: no fmt chunk" : "truncated: no data chunk");
      }
      String id = tag(b, position);
      long size = b.getInt(position + 4) & 0xFFFFFFFFL;
      int body = position + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + size > bytes.length) {
          throw new UnsupportedAudioFormatException("truncated fmt chunk");
        }
        encoding = format(b, body, size);
      } else if (id.equals("data")) {
        if (encoding == null) {
          throw new UnsupportedAudioFormatException("data chunk before fmt chunk");
        }
        long available = bytes.length - (long) body;
        if (size == UNKNOWN_LENGTH) {
          size = available - available % encoding.bytesPerSample();
        } else if (size > available) {
          throw new UnsupportedAudioFormatException(
              "truncated: data chunk declares " + size + " bytes, file holds " + available);
        }
        if (size % encoding.bytesPerSample() != 0) {
          throw new UnsupportedAudioFormatException(
              "truncated: odd number of bytes in 16-bit data chunk");
        }
        return WavAudio.of(encoding, decode(bytes, body, (int) size, encoding));
      }
      long next = body + size + (size & 1);
      if (next > bytes.length) {
        throw new UnsupportedAudioFormatException("truncated " + id.strip() + " chunk");
      }
      position = (int) next;
    }
  }

  /** Writes audio as a WAV file in its encoding, replacing any existing file. */
  public static void write(Path file, WavAudio audio) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(toBytes(audio));
    }
  }

  /** The bytes of a WAV file holding {@code audio} in its encoding. */
  public static byte[] toBytes(WavAudio audio) {
    AudioEncoding encoding = audio.encoding();
    short[] samples = audio.samples();
    int dataBytes = samples.length * encoding.bytesPerSample();
    boolean pcm = encoding == AudioEncoding.PCM_16;
    int fmtSize = pcm ? 16 : 18;
    int factSize = pcm ? 0 : 12;
    int total = 12 + 8 + fmtSize + factSize + 8 + dataBytes + (dataBytes & 1);
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(total - 8).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(fmtSize);
    b.putShort((short) encoding.wavFormatTag()).putShort((short) 1).putInt(WavAudio.SAMPLE_RATE);
    b.putInt(WavAudio.SAMPLE_RATE * encoding.bytesPerSample());
    b.putShort((short) encoding.bytesPerSample()).putShort((short) encoding.bitsPerSample());
    if (!pcm) {
      b.putShort((short) 0);
      b.put(ascii("fact")).putInt(4).putInt(samples.length);
    }
    b.put(ascii("data")).putInt(dataBytes);
    switch (encoding) {
      case PCM_16 -> {
        for (short s : samples) {
          b.putShort(s);
        }
      }
      case ULAW -> b.put(G711.linearToUlaw(samples));
      case ALAW -> b.put(G711.linearToAlaw(samples));
    }
    return b.array();
  }

  private static AudioEncoding format(ByteBuffer b, int body, long size)
      throws UnsupportedAudioFormatException {
    int tag = b.getShort(body) & 0xFFFF;
    int channels = b.getShort(body + 2) & 0xFFFF;
    long rate = b.getInt(body + 4) & 0xFFFFFFFFL;
    int bits = b.getShort(body + 14) & 0xFFFF;
    if (tag == EXTENSIBLE) {
      if (size < 40) {
        throw new UnsupportedAudioFormatException("truncated WAVE_FORMAT_EXTENSIBLE fmt chunk");
      }
      tag = b.getShort(body + 24) & 0xFFFF;
    }
    if (channels != 1) {
      throw new UnsupportedAudioFormatException(
          "unsupported: " + channels + " channels (only mono is accepted)");
    }
    if (rate != WavAudio.SAMPLE_RATE) {
      throw new UnsupportedAudioFormatException(
          "unsupported: sample rate " + rate + " Hz (only 8000 Hz is accepted)");
    }
    for (AudioEncoding e : AudioEncoding.values()) {
      if (e.wavFormatTag() == tag && e.bitsPerSample() == bits) {
        return e;
      }
    }
    throw new UnsupportedAudioFormatException(
        "unsupported: WAV format tag "
            + tag
            + " with "
            + bits
            + " bits (accepted: 16-bit PCM, 8-bit A-law, 8-bit µ-law)");
  }

  private static short[] decode(byte[] bytes, int offset, int size, AudioEncoding encoding) {
    short[] out = new short[size / encoding.bytesPerSample()];
    switch (encoding) {
      case PCM_16 -> {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, size).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().get(out);
      }
      case ULAW -> G711.ulawToLinear(bytes, offset, out, 0, out.length);
      case ALAW -> G711.alawToLinear(bytes, offset, out, 0, out.length);
    }
    return out;
  }

  private static String tag(ByteBuffer b, int at) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      c[i] = (char) (b.get(at + i) & 0xFF);
    }
    return new String(c);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
