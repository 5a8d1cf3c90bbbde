package io.tonewall.psp.spi;

/** Receives card digits one character at a time, so that no {@code String} of them is made. */
@FunctionalInterface
public interface CardSink {
  /** Appends one character of a card field. */
  void append(char c);
}
