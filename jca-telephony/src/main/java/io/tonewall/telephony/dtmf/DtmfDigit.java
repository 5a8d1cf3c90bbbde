package io.tonewall.telephony.dtmf;

/**
 * One key press found in the audio: its key and where it sounded, as sample positions of the stream
 * (8000 per second, counted from the first sample the detector was given).
 *
 * <p>The key may be a card digit: {@link #toString()} never shows it, and nothing in this package
 * logs it. Only {@link #symbol()} gives it, to the digit collector.
 */
public final class DtmfDigit {

  /** The sixteen DTMF keys in row-major keypad order (row 697 Hz first). */
  public static final String KEYS = "123A456B789C*0#D";

  private final char symbol;
  private final long startSample;
  private final long endSample;

  private DtmfDigit(char symbol, long startSample, long endSample) {
    this.symbol = symbol;
    this.startSample = startSample;
    this.endSample = endSample;
  }

  /**
   * A key press.
   *
   * @param symbol one of {@link #KEYS}
   * @param startSample first sample of the tone (to within one 102-sample analysis block)
   * @param endSample sample after the tone's end (to within one block), greater than the start
   * @throws IllegalArgumentException if the symbol is not a DTMF key or the span is empty
   */
  public static DtmfDigit of(char symbol, long startSample, long endSample) {
    if (KEYS.indexOf(symbol) < 0) {
      throw new IllegalArgumentException("not a DTMF key");
    }
    if (startSample < 0 || endSample <= startSample) {
      throw new IllegalArgumentException(
          "empty or negative span " + startSample + ".." + endSample);
    }
    return new DtmfDigit(symbol, startSample, endSample);
  }

  /** The key: {@code 0-9}, {@code *}, {@code #} or {@code A-D}. Card data: do not log it. */
  public char symbol() {
    return symbol;
  }

  /** Sample position where the tone starts. */
  public long startSample() {
    return startSample;
  }

  /** Sample position just after the tone ends. */
  public long endSample() {
    return endSample;
  }

  /** Duration in samples. */
  public long durationSamples() {
    return endSample - startSample;
  }

  /** Masked: shows the span, never the key. */
  @Override
  public String toString() {
    return "DtmfDigit[*, " + startSample + ".." + endSample + "]";
  }
}
