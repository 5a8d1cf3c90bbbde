package io.tonewall.telephony.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls whose caller was sent a 2xx and has not ACKed it yet, each with its deadline (RFC 3261
 * Timer H: 64*T1 by default, or a shorter configured wait). Time is given by the caller of each
 * method. Thread-safe.
 */
final class AwaitedAcks {

  private final Duration timeout;
  private final Map<String, Awaited> byCallerCallId = new ConcurrentHashMap<>();

  private record Awaited(CallLegs legs, Instant deadline) {}

  /**
   * @throws IllegalArgumentException unless the timeout is positive
   */
  AwaitedAcks(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("ACK timeout must be positive, was " + timeout);
    }
    this.timeout = timeout;
  }

  /** The caller was sent a 2xx at {@code now}: its ACK is due within the timeout. */
  void answered(CallLegs legs, Instant now) {
    byCallerCallId.put(legs.callerCallId, new Awaited(legs, now.plus(timeout)));
  }

  /** An ACK arrived on the caller's leg {@code callId}. */
  void acknowledged(String callId) {
    byCallerCallId.remove(callId);
  }

  /** The call ended otherwise: nothing awaited any more. */
  void forget(CallLegs legs) {
    byCallerCallId.computeIfPresent(
        legs.callerCallId, (id, awaited) -> awaited.legs() == legs ? null : awaited);
  }

  /** Removes and returns the calls whose deadline is {@code now} or earlier. */
  List<CallLegs> expired(Instant now) {
    Objects.requireNonNull(now, "now");
    List<CallLegs> expired = new ArrayList<>();
    Iterator<Awaited> awaited = byCallerCallId.values().iterator();
    while (awaited.hasNext()) {
      Awaited next = awaited.next();
      if (!now.isBefore(next.deadline())) {
        awaited.remove();
        expired.add(next.legs());
      }
    }
    return expired;
  }

  /** Answers still awaiting their ACK. */
  int size() {
    return byCallerCallId.size();
  }
}
