package io.tonewall.telephony.ivr;

/** A prompt of a configured language is missing or unreadable; the message names the file. */
public final class PromptLoadException extends Exception {

  private static final long serialVersionUID = 1L;

  public PromptLoadException(String message) {
    super(message);
  }

  public PromptLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
