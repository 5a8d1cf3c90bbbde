package io.tonewall.session.console;

import java.time.Duration;

/**
 * How long a sign-in answer waits after repeated failures for the same user name: nothing for the
 * first two, then 1 s doubling up to 30 s. Slows password guessing without locking anyone out.
 */
public final class SignInDelay {

  /** Longest wait. */
  public static final Duration MAX = Duration.ofSeconds(30);

  private static final int FREE_FAILURES = 2;

  private SignInDelay() {}

  /**
   * The wait before answering, given the failures already recorded for the name.
   *
   * @throws IllegalArgumentException when {@code failures} is negative
   */
  public static Duration after(int failures) {
    if (failures < 0) {
      throw new IllegalArgumentException("failures must not be negative");
    }
    if (failures < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - FREE_FAILURES, 5);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return delay.compareTo(MAX) > 0 ? MAX : delay;
  }
}
