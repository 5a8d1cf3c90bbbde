package io.tonewall.telephony.rtp;

/**
 * Arithmetic on 32-bit RTP timestamps (RFC 3550 §5.1) across wrap-around. Timestamps are passed as
 * {@code long} holding an unsigned 32-bit value; higher bits are ignored. Static methods only, so
 * the relay path does not allocate.
 */
public final class RtpTimestamp {

  /** Largest timestamp value, 2^32 - 1. */
  public static final long MAX_VALUE = 0xFFFF_FFFFL;

  private RtpTimestamp() {}

  /**
   * @return {@code timestamp + delta} modulo 2^32 ({@code delta} may be negative)
   */
  public static long add(long timestamp, long delta) {
    return (timestamp + delta) & MAX_VALUE;
  }

  /**
   * The shortest signed step from {@code from} to {@code to} on the 32-bit circle, in samples.
   *
   * @return a value in {@code -2^31..2^31-1}; positive when {@code to} is later
   */
  public static long distance(long from, long to) {
    return (int) ((to - from) & MAX_VALUE);
  }

  /**
   * @return true when {@code candidate} is later than {@code reference} (less than half the circle
   *     ahead)
   */
  public static boolean isNewer(long candidate, long reference) {
    return distance(reference, candidate) > 0;
  }
}
