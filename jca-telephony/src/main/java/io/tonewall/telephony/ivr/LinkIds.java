package io.tonewall.telephony.ivr;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * IVR link ids: random digit strings, each standing for one payment session (and its language)
 * until a caller keys it in the IVR, or it expires, or the session asks for a newer one. Unique
 * among the ids outstanding. Thread-safe.
 */
public final class LinkIds {

  private final int length;
  private final Duration lifetime;
  private final Clock clock;
  private final Set<String> languages;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Pending> byId = new HashMap<>();

  /**
   * @param length digits per id (4-12)
   * @param languages the languages an id may be given
   */
  public LinkIds(int length, Duration lifetime, Clock clock, Set<String> languages) {
    if (length < 4 || length > 12) {
      throw new IllegalArgumentException("link ids have 4 to 12 digits, not " + length);
    }
    this.length = length;
    this.lifetime = lifetime;
    this.clock = clock;
    this.languages = Set.copyOf(languages);
  }

  /**
   * A new id for {@code sessionId}, replacing its older one.
   *
   * @throws IllegalArgumentException when {@code language} has no prompts (the message names the
   *     supported languages)
   * @throws IllegalStateException when a tenth of all possible ids are outstanding
   */
  public synchronized String allocate(String sessionId, String language) {
    if (language == null || !languages.contains(language)) {
      throw new IllegalArgumentException(
          "IVR language not supported; supported: " + new TreeSet<>(languages));
    }
    expire();
    byId.values().removeIf(pending -> pending.link().sessionId().equals(sessionId));
    if (byId.size() >= Math.pow(10, length) / 10) {
      throw new IllegalStateException("too many IVR link ids outstanding");
    }
    String id;
    do {
      StringBuilder digits = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      id = digits.toString();
    } while (byId.containsKey(id));
    byId.put(id, new Pending(new IvrLink(sessionId, language), clock.instant().plus(lifetime)));
    return id;
  }

  /** The link of {@code id}, removing it: an id links one call. */
  public synchronized Optional<IvrLink> redeem(String id) {
    expire();
    return Optional.ofNullable(byId.remove(id)).map(Pending::link);
  }

  /** Withdraws {@code id} if it is still {@code sessionId}'s (a rolled-back allocation). */
  public synchronized void withdraw(String sessionId, String id) {
    Pending pending = byId.get(id);
    if (pending != null && pending.link().sessionId().equals(sessionId)) {
      byId.remove(id);
    }
  }

  /** Digits in an id. */
  public int length() {
    return length;
  }

  /** Ids outstanding. */
  public synchronized int outstanding() {
    expire();
    return byId.size();
  }

  private void expire() {
    Instant now = clock.instant();
    for (Iterator<Pending> it = byId.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expiresAt())) {
        it.remove();
      }
    }
  }

  private record Pending(IvrLink link, Instant expiresAt) {}
}
