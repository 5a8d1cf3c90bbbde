package io.tonewall.session.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a {@code SCHEDULED} refund is asked about again, and when asking stops: after the {@code
 * n}-th unsettled check the next one is {@code initialBackoff × 2^(n-1)} later, at most {@code
 * maxBackoff}; once the refund is {@code maxAge} old it is no longer asked about automatically and
 * needs manual reconciliation.
 *
 * @param initialBackoff the wait after the first unsettled check (positive)
 * @param maxBackoff the longest wait between two checks (at least {@code initialBackoff})
 * @param maxAge how long after its creation a refund is checked automatically (positive)
 */
public record RefundSettlementSchedule(
    Duration initialBackoff, Duration maxBackoff, Duration maxAge) {

  public RefundSettlementSchedule {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(maxAge, "maxAge");
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("the initial back-off must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("the maximum back-off must not be below the initial one");
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("the maximum age must be positive");
    }
  }

  /** The time of the next check after {@code checks} unsettled checks (1 or more), made at now. */
  public Instant nextCheck(int checks, Instant now) {
    if (checks < 1) {
      throw new IllegalArgumentException("at least one check was made");
    }
    Duration wait = initialBackoff;
    for (int i = 1; i < checks && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
  }

  /** Whether a refund made at {@code createdAt} is too old to be checked automatically at now. */
  public boolean expired(Instant createdAt, Instant now) {
    return !now.isBefore(createdAt.plus(maxAge));
  }
}
