package io.tonewall.telephony.call;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Pairing codes: random digit strings shown on the agent's console, each standing for one payment
 * session until the agent dials it on a live call or it expires. A session holds at most one code;
 * asking again replaces it. Thread-safe.
 */
public final class PairingCodes {

  private final int length;
  private final Duration lifetime;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> byCode = new HashMap<>();

  public PairingCodes(int length, Duration lifetime, Clock clock) {
    if (length < 4 || length > 10) {
      throw new IllegalArgumentException("pairing codes have 4 to 10 digits, not " + length);
    }
    this.length = length;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A new code for {@code sessionId}, unique among the codes outstanding. */
  public synchronized String allocate(String sessionId) {
    expire();
    byCode.values().removeIf(pending -> pending.sessionId().equals(sessionId));
    if (byCode.size() >= Math.pow(10, length) / 10) {
      throw new IllegalStateException("too many pairing codes outstanding");
    }
    String code;
    do {
      StringBuilder digits = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      code = digits.toString();
    } while (byCode.containsKey(code));
    byCode.put(code, new Pending(sessionId, clock.instant().plus(lifetime)));
    return code;
  }

  /**
   * The session of the code at the end of {@code dialled}, removing the code: the agent may dial
   * other keys before it.
   */
  public synchronized Optional<String> redeem(CharSequence dialled) {
    if (dialled.length() < length) {
      return Optional.empty();
    }
    expire();
    String tail = dialled.subSequence(dialled.length() - length, dialled.length()).toString();
    return Optional.ofNullable(byCode.remove(tail)).map(Pending::sessionId);
  }

  /** Digits in a code. */
  public int length() {
    return length;
  }

  /** Codes outstanding. */
  public synchronized int outstanding() {
    expire();
    return byCode.size();
  }

  private void expire() {
    Instant now = clock.instant();
    for (Iterator<Pending> it = byCode.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expiresAt())) {
        it.remove();
      }
    }
  }

  private record Pending(String sessionId, Instant expiresAt) {}
}
