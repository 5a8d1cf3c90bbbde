package io.tonewall.telephony.audio;

/** How 8 kHz mono samples are stored in a WAV file or an RTP payload. */
public enum AudioEncoding {
  /** 16-bit signed little-endian linear PCM (WAV format tag 1). */
  PCM_16(1, 16),
  /** G.711 A-law, PCMA (WAV format tag 6). */
  ALAW(6, 8),
  /** G.711 µ-law, PCMU (WAV format tag 7). */
  ULAW(7, 8);

  private final int wavFormatTag;
  private final int bitsPerSample;

  AudioEncoding(int wavFormatTag, int bitsPerSample) {
    this.wavFormatTag = wavFormatTag;
    this.bitsPerSample = bitsPerSample;
  }

  /** The WAVE {@code wFormatTag} of this encoding. */
  public int wavFormatTag() {
    return wavFormatTag;
  }

  /** Bits per stored sample. */
  public int bitsPerSample() {
    return bitsPerSample;
  }

  /** Bytes per stored sample. */
  public int bytesPerSample() {
    return bitsPerSample / 8;
  }
}
