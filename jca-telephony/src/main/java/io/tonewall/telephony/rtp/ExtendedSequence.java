package io.tonewall.telephony.rtp;

/**
 * The extended sequence number of one RTP source, kept as in RFC 3550 appendix A.1: the highest
 * 16-bit sequence number seen plus a roll-over count of 2^16 cycles, with source validation
 * (probation), a dropout limit of 3000 and a misorder window of 100. One instance per SSRC; not
 * thread-safe.
 */
public final class ExtendedSequence {

  /** Sequential packets needed before a new source is valid (RFC 3550 A.1 MIN_SEQUENTIAL). */
  public static final int MIN_SEQUENTIAL = 2;

  /** Largest forward jump accepted without doubt (RFC 3550 A.1 MAX_DROPOUT). */
  public static final int MAX_DROPOUT = 3000;

  /** Largest backward step treated as a late packet (RFC 3550 A.1 MAX_MISORDER). */
  public static final int MAX_MISORDER = 100;

  private static final int MOD = SequenceNumber.MODULUS;

  private int maxSeq;
  private long cycles;
  private int baseSeq;
  private int badSeq;
  private int probation;
  private long received;

  private ExtendedSequence(int firstSeq, int probation) {
    restartAt(firstSeq);
    this.maxSeq = SequenceNumber.add(firstSeq, -1);
    this.probation = probation;
  }

  /**
   * Starts tracking a new source whose first packet carries {@code firstSeq}; it stays on probation
   * until {@link #MIN_SEQUENTIAL} sequential packets were seen. Pass that first packet to {@link
   * #update(int)} as well.
   */
  public static ExtendedSequence withProbation(int firstSeq) {
    return new ExtendedSequence(firstSeq & 0xFFFF, MIN_SEQUENTIAL);
  }

  /**
   * Starts tracking a source trusted from its first packet (no probation), such as one already
   * validated by signalling. Pass that first packet to {@link #update(int)} as well.
   */
  public static ExtendedSequence trusted(int firstSeq) {
    return new ExtendedSequence(firstSeq & 0xFFFF, 0);
  }

  /**
   * Records a received sequence number (RFC 3550 A.1 {@code update_seq}).
   *
   * @return what the number means for this source
   */
  public SequenceVerdict update(int seq) {
    seq &= 0xFFFF;
    int udelta = (seq - maxSeq) & 0xFFFF;
    if (probation > 0) {
      if (seq == SequenceNumber.add(maxSeq, 1)) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          restartAt(seq);
          received++;
          return SequenceVerdict.IN_ORDER;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return SequenceVerdict.PROBATION;
    }
    SequenceVerdict verdict;
    if (udelta == 0) {
      verdict = SequenceVerdict.LATE;
    } else if (udelta < MAX_DROPOUT) {
      if (seq < maxSeq) {
        cycles += MOD;
      }
      maxSeq = seq;
      verdict = SequenceVerdict.IN_ORDER;
    } else if (udelta <= MOD - MAX_MISORDER) {
      if (seq == badSeq) {
        restartAt(seq);
        verdict = SequenceVerdict.RESTARTED;
      } else {
        badSeq = (seq + 1) & 0xFFFF;
        return SequenceVerdict.JUMPED;
      }
    } else {
      verdict = SequenceVerdict.LATE;
    }
    received++;
    return verdict;
  }

  /**
   * @return the highest sequence number seen, extended with the roll-over count: {@code cycles *
   *     2^16 + max_seq}
   */
  public long highestExtended() {
    return cycles + maxSeq;
  }

  /**
   * @return how often the 16-bit sequence number wrapped since counting (re)started
   */
  public long rollOverCount() {
    return cycles / MOD;
  }

  /**
   * Extends a 16-bit sequence number near the highest one seen, so that a late packet from just
   * before a wrap maps below {@link #highestExtended()} rather than a cycle ahead.
   *
   * @return the extended sequence number of {@code seq}
   */
  public long extend(int seq) {
    return highestExtended() + SequenceNumber.distance(maxSeq, seq);
  }

  /**
   * @return valid packets counted since counting (re)started
   */
  public long received() {
    return received;
  }

  /**
   * @return packets expected since counting (re)started, from the first to the highest sequence
   *     number (RFC 3550 A.3)
   */
  public long expected() {
    return highestExtended() - baseSeq + 1;
  }

  private void restartAt(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = MOD + 1;
    cycles = 0;
    received = 0;
  }
}
