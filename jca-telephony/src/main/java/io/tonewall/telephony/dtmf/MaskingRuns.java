package io.tonewall.telephony.dtmf;

/**
 * The masker's record of which stream positions are masked: sorted, disjoint runs {@code [start,
 * end)}, each either <em>masked</em> (replaced, or to be replaced, by the masking signal) or
 * <em>leaked</em> (forwarded unmasked and already counted in the leak total, so that a repeated
 * question about the same samples does not count them again).
 *
 * <p>Runs before the output position are the history of what the agent heard; runs after it are the
 * decisions for the delay line and the future. Bounded: when full, the oldest run of history is
 * forgotten, and positions before its end count as leaked whenever asked about ({@link
 * #countAndRecordLeak}: a leak sentinel would rather alarm than miss). No allocation after
 * construction. Not thread-safe.
 */
final class MaskingRuns {

  private final long[] starts;
  private final long[] ends;
  private final boolean[] masked;
  private int size;
  private long forgottenBefore = Long.MIN_VALUE;

  MaskingRuns(int capacity) {
    starts = new long[capacity];
    ends = new long[capacity];
    masked = new boolean[capacity];
  }

  int size() {
    return size;
  }

  long start(int i) {
    return starts[i];
  }

  long end(int i) {
    return ends[i];
  }

  /** Positions before this are no longer known (runs were forgotten to make room). */
  long forgottenBefore() {
    return forgottenBefore;
  }

  /** End of the last run, or {@code Long.MIN_VALUE} if there is none. */
  long lastEnd() {
    return size == 0 ? Long.MIN_VALUE : ends[size - 1];
  }

  /** Start of the last run; only if there is one. */
  long lastStart() {
    return starts[size - 1];
  }

  /** Index of the first run ending after {@code position} ({@link #size()} if none); scans back. */
  int firstEndingAfter(long position) {
    int i = size;
    while (i > 0 && ends[i - 1] > position) {
      i--;
    }
    return i;
  }

  /** Whether {@code position} lies in a masked run, looking from run {@code from} on. */
  boolean isMaskedAt(long position, int from) {
    for (int i = from; i < size && starts[i] <= position; i++) {
      if (position < ends[i]) {
        return masked[i];
      }
    }
    return false;
  }

  /**
   * Adds {@code [start, end)} as masked, merging with masked runs it overlaps or touches. It must
   * not overlap a leaked run (leaked runs lie before the output position; masked ones are added at
   * or after it).
   *
   * @param output the output position: runs ending at or before it are history and may be forgotten
   * @throws IllegalStateException if the list is full of runs ahead of the output (more than the
   *     look-ahead can hold; sized so that it cannot happen)
   */
  void addMasked(long start, long end, long output) {
    int last = size - 1;
    if (last >= 0 && masked[last] && starts[last] <= start && start <= ends[last]) {
      // the usual case: a tone or event goes on, extending the newest run
      ends[last] = Math.max(ends[last], end);
      return;
    }
    add(start, end, true, output);
  }

  /** Forgets every run from {@code position} on, cutting a run that spans it. */
  void truncate(long position) {
    int i = firstEndingAfter(position);
    if (i < size && starts[i] < position) {
      ends[i] = position;
      i++;
    }
    size = i;
  }

  /**
   * Positions of {@code [from, to)} in no run, or forgotten: forwarded unmasked and not counted
   * yet. Records the known ones as leaked, so that they are counted once.
   *
   * @param to at most {@code output}
   * @param output the output position
   */
  long countAndRecordLeak(long from, long to, long output) {
    long count = 0;
    if (from < forgottenBefore) {
      count += Math.min(to, forgottenBefore) - from;
      from = forgottenBefore;
    }
    for (long p = from; p < to; ) {
      int i = firstEndingAfter(p);
      if (i < size && starts[i] <= p) {
        p = ends[i];
        continue;
      }
      long gapEnd = i < size ? Math.min(starts[i], to) : to;
      count += gapEnd - p;
      add(p, gapEnd, false, output);
      p = Math.max(gapEnd, forgottenBefore);
    }
    return count;
  }

  /** Whether every position of {@code [from, to)} lies in a masked run. */
  boolean allMasked(long from, long to) {
    if (from >= to) {
      return true;
    }
    if (from < forgottenBefore) {
      return false;
    }
    long p = from;
    for (int i = firstEndingAfter(p); p < to; i++) {
      if (i == size || starts[i] > p || !masked[i]) {
        return false;
      }
      p = ends[i];
    }
    return true;
  }

  private void add(long start, long end, boolean kind, long output) {
    if (end <= start) {
      return;
    }
    // [lo, hi): the runs of the same kind that overlap or touch [start, end), merged into one
    int lo = size;
    while (lo > 0 && ends[lo - 1] >= start) {
      lo--;
    }
    if (lo < size && ends[lo] == start && masked[lo] != kind) {
      lo++;
    }
    int hi = lo;
    long mergedStart = start;
    long mergedEnd = end;
    while (hi < size && starts[hi] <= end) {
      if (masked[hi] != kind) {
        if (starts[hi] == end) {
          break;
        }
        throw new IllegalStateException("masked and leaked runs overlap");
      }
      mergedStart = Math.min(mergedStart, starts[hi]);
      mergedEnd = Math.max(mergedEnd, ends[hi]);
      hi++;
    }
    if (hi == lo) {
      if (size == starts.length) {
        if (lo == 0 && !kind) {
          // older than all history kept: not worth a run
          forgottenBefore = Math.max(forgottenBefore, mergedEnd);
          return;
        }
        forgetOldest(output);
        lo--;
      }
      System.arraycopy(starts, lo, starts, lo + 1, size - lo);
      System.arraycopy(ends, lo, ends, lo + 1, size - lo);
      System.arraycopy(masked, lo, masked, lo + 1, size - lo);
      size++;
    } else if (hi - lo > 1) {
      System.arraycopy(starts, hi, starts, lo + 1, size - hi);
      System.arraycopy(ends, hi, ends, lo + 1, size - hi);
      System.arraycopy(masked, hi, masked, lo + 1, size - hi);
      size -= hi - lo - 1;
    }
    starts[lo] = mergedStart;
    ends[lo] = mergedEnd;
    masked[lo] = kind;
  }

  private void forgetOldest(long output) {
    if (ends[0] > output) {
      throw new IllegalStateException(
          "more than " + starts.length + " masking runs ahead of the output");
    }
    forgottenBefore = Math.max(forgottenBefore, ends[0]);
    System.arraycopy(starts, 1, starts, 0, size - 1);
    System.arraycopy(ends, 1, ends, 0, size - 1);
    System.arraycopy(masked, 1, masked, 0, size - 1);
    size--;
  }
}
