package io.tonewall.telephony.relay;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The RTP ports of the configured range as pairs: an even RTP port and the RTCP port above it (RFC
 * 3550 section 11). Hands out the pair after the last one given, so that a freed pair is not reused
 * at once (late packets of an ended call then land nowhere). Thread-safe.
 */
public final class PortRange {

  private final int first;
  private final int pairs;
  private final BitSet taken;
  private int next;

  private PortRange(int first, int pairs) {
    this.first = first;
    this.pairs = pairs;
    this.taken = new BitSet(pairs);
  }

  /**
   * @param low lowest port of the range; rounded up to even
   * @param high highest port of the range
   * @throws IllegalArgumentException if the range holds no pair
   */
  public static PortRange of(int low, int high) {
    int first = low % 2 == 0 ? low : low + 1;
    int pairs = (high - first + 1) / 2;
    if (pairs < 1) {
      throw new IllegalArgumentException("port range " + low + "-" + high + " holds no RTP pair");
    }
    return new PortRange(first, pairs);
  }

  /** The even RTP port of a free pair, now taken; empty when every pair is taken. */
  public synchronized OptionalInt take() {
    int index = taken.nextClearBit(next);
    if (index >= pairs) {
      index = taken.nextClearBit(0);
      if (index >= pairs) {
        return OptionalInt.empty();
      }
    }
    taken.set(index);
    next = (index + 1) % pairs;
    return OptionalInt.of(first + 2 * index);
  }

  /**
   * Frees the pair of {@code rtpPort}.
   *
   * @throws IllegalArgumentException if the port is not the RTP port of a taken pair
   */
  public synchronized void release(int rtpPort) {
    int index = (rtpPort - first) / 2;
    if (rtpPort < first || (rtpPort - first) % 2 != 0 || index >= pairs || !taken.get(index)) {
      throw new IllegalArgumentException("port " + rtpPort + " is not a taken RTP port");
    }
    taken.clear(index);
  }

  /** Ports taken, RTP and RTCP counted: twice the pairs taken. */
  public synchronized int portsInUse() {
    return taken.cardinality() * 2;
  }

  /** Pairs the range holds. */
  public int capacity() {
    return pairs;
  }
}
