package io.tonewall.telephony.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1) that stays right across wrap-around:
 * after 65535 comes 0, and 2 is newer than 65534. Sequence numbers are passed as {@code int} in
 * {@code 0..65535}; higher bits are ignored. Static methods only, so the relay path does not
 * allocate.
 */
public final class SequenceNumber {

  /** Number of distinct sequence numbers, 2^16. */
  public static final int MODULUS = 1 << 16;

  private static final int MASK = MODULUS - 1;

  private SequenceNumber() {}

  /**
   * @return {@code seq + delta} modulo 2^16 ({@code delta} may be negative)
   */
  public static int add(int seq, int delta) {
    return (seq + delta) & MASK;
  }

  /**
   * The shortest signed step from {@code from} to {@code to} on the 16-bit circle.
   *
   * @return a value in {@code -32768..32767}; positive when {@code to} is newer
   */
  public static int distance(int from, int to) {
    return (short) ((to - from) & MASK);
  }

  /**
   * @return true when {@code candidate} comes after {@code reference} (less than half the circle
   *     ahead)
   */
  public static boolean isNewer(int candidate, int reference) {
    return distance(reference, candidate) > 0;
  }
}
