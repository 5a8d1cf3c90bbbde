package io.tonewall.session.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: exponential back-off, {@code initialDelay} after
 * the first failure, doubling after each further one, never more than {@code maxDelay}; no further
 * attempt once {@code maxAttempts} have been made (the delivery is then dead-lettered).
 */
public record RetrySchedule(int maxAttempts, Duration initialDelay, Duration maxDelay) {

  public RetrySchedule {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("webhook max attempts must be at least 1");
    }
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (initialDelay.isNegative()
        || initialDelay.isZero()
        || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("webhook back-off must satisfy 0 < initial <= max");
    }
  }

  /**
   * The time of the next attempt after {@code attemptsMade} failed attempts, the last at {@code
   * failedAt}; empty when no attempt is left.
   */
  public Optional<Instant> nextAttempt(int attemptsMade, Instant failedAt) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(failedAt.plus(delayAfter(attemptsMade)));
  }

  /** The wait after the {@code failures}-th failure (1-based). */
  public Duration delayAfter(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures start at 1");
    }
    int doublings = Math.min(failures - 1, 30);
    Duration delay = initialDelay.multipliedBy(1L << doublings);
    return delay.compareTo(maxDelay) > 0 || delay.isNegative() ? maxDelay : delay;
  }
}
