package io.tonewall.telephony.audio;

import java.io.IOException;

/**
 * An audio file that cannot be used: not a WAV file, empty, truncated, or in a format other than 8
 * kHz mono 16-bit PCM, µ-law or A-law. The message says which, in one line, and never contains
 * audio content.
 */
public final class UnsupportedAudioFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a one-line reason. */
  public UnsupportedAudioFormatException(String message) {
    super(message);
  }
}
