package io.tonewall.telephony.dtmf;

import java.util.Optional;

/**
 * The sixteen DTMF keys with their RFC 4733 §3.2 event codes (0-9, * = 10, # = 11, A-D = 12-15) and
 * keypad symbols. Digit keys are card data: {@link #toString()} masks them; use {@link #symbol()}
 * only where a digit may legitimately be handled (the digit collector).
 */
public enum DtmfKey {
  ZERO(0, '0'),
  ONE(1, '1'),
  TWO(2, '2'),
  THREE(3, '3'),
  FOUR(4, '4'),
  FIVE(5, '5'),
  SIX(6, '6'),
  SEVEN(7, '7'),
  EIGHT(8, '8'),
  NINE(9, '9'),
  STAR(10, '*'),
  POUND(11, '#'),
  A(12, 'A'),
  B(13, 'B'),
  C(14, 'C'),
  D(15, 'D');

  private static final DtmfKey[] BY_CODE = values();

  private final int eventCode;
  private final char symbol;

  DtmfKey(int eventCode, char symbol) {
    this.eventCode = eventCode;
    this.symbol = symbol;
  }

  /**
   * @return the key for an RFC 4733 event code, or empty for codes outside 0..15 (flash, tones and
   *     other events are not keys)
   */
  public static Optional<DtmfKey> fromEventCode(int eventCode) {
    return eventCode >= 0 && eventCode < BY_CODE.length
        ? Optional.of(BY_CODE[eventCode])
        : Optional.empty();
  }

  /**
   * @return the key printed as {@code symbol} ('0'-'9', '*', '#', 'A'-'D', letters in either case),
   *     or empty
   */
  public static Optional<DtmfKey> fromSymbol(char symbol) {
    char upper = Character.toUpperCase(symbol);
    for (DtmfKey key : BY_CODE) {
      if (key.symbol == upper) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the RFC 4733 event code, 0 to 15
   */
  public int eventCode() {
    return eventCode;
  }

  /**
   * @return the keypad symbol: '0'-'9', '*', '#' or 'A'-'D'
   */
  public char symbol() {
    return symbol;
  }

  /**
   * @return true for 0-9, the keys that carry card data
   */
  public boolean isDigit() {
    return eventCode <= 9;
  }

  /** Digits print as {@code DIGIT} so a logged key never reveals card data; others by name. */
  @Override
  public String toString() {
    return isDigit() ? "DIGIT" : name();
  }
}
