package io.tonewall.web.console.security;

import io.tonewall.session.console.SignInDelay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name on this node (known names and unknown alike, so the delay reveals
 * nothing), and the wait they impose ({@link SignInDelay}). A success clears the name's count. At
 * most {@value #MAX_NAMES} names are tracked; beyond that the oldest entries are dropped.
 */
@ApplicationScoped
public class SignInAttempts {

  static final int MAX_NAMES = 10_000;

  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** How long to wait before checking a password for this name. */
  public Duration delayFor(String userName) {
    return SignInDelay.after(failures.getOrDefault(key(userName), 0));
  }

  public void failed(String userName) {
    if (failures.size() >= MAX_NAMES) {
      failures.clear();
    }
    failures.merge(key(userName), 1, Integer::sum);
  }

  public void succeeded(String userName) {
    failures.remove(key(userName));
  }

  private static String key(String userName) {
    return userName == null ? "" : userName.toLowerCase(Locale.ROOT);
  }
}
