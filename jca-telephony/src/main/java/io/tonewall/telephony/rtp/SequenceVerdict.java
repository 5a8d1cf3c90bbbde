package io.tonewall.telephony.rtp;

/** What {@link ExtendedSequence#update(int)} concluded about one received sequence number. */
public enum SequenceVerdict {
  /** Newer than any seen so far, within the allowed dropout; the highest number moved on. */
  IN_ORDER,
  /** Not newer than the highest seen, within the misorder window: a late or duplicated packet. */
  LATE,
  /** The source is not yet validated (RFC 3550 A.1 probation); not counted as valid. */
  PROBATION,
  /** A jump too large to believe; remembered, and accepted only if the next packet follows it. */
  JUMPED,
  /** The packet followed a remembered jump: the sender restarted, and counting starts over. */
  RESTARTED;

  /**
   * @return true for the verdicts RFC 3550 A.1 treats as valid packets
   */
  public boolean valid() {
    return this == IN_ORDER || this == LATE || this == RESTARTED;
  }
}
