package io.tonewall.telephony.relay;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which relay loop takes a new media session: the first loop holding fewer than {@code
 * callsPerLoop} sessions; when every loop holds that many, the one holding the fewest.
 *
 * <p>Filling loops one after the other, rather than spreading calls evenly from the first call,
 * keeps the packets of a lightly loaded relay on one thread: a loop wakes up about once per
 * coalescing pause whatever the number of its calls, so at a few hundred calls one loop wakes half
 * as often as two loops carrying the same packets, and each wake-up of a vCPU is the relay's most
 * expensive step at low load (docs/performance.md, "RTP relay under load"). The second loop takes
 * calls once the first holds {@code callsPerLoop}, well below what one thread can relay.
 */
record LoopPlacement(int callsPerLoop) {

  /** Calls one loop takes before the next is used: 50,000 packets per second. */
  static final LoopPlacement FILL_FIRST = new LoopPlacement(500);

  /** Every new call to the loop holding the fewest: even spreading from the first call. */
  static final LoopPlacement SPREAD = new LoopPlacement(1);

  LoopPlacement {
    if (callsPerLoop < 1) {
      throw new IllegalArgumentException("a loop takes at least one call, not " + callsPerLoop);
    }
  }

  /** The loop for a new session, given each loop's current sessions. */
  <T> T choose(List<T> loops, ToIntFunction<T> sessions) {
    for (T loop : loops) {
      if (sessions.applyAsInt(loop) < callsPerLoop) {
        return loop;
      }
    }
    return loops.stream()
        .min(Comparator.comparingInt(sessions))
        .orElseThrow(() -> new IllegalStateException("the relay has no loop"));
  }
}
