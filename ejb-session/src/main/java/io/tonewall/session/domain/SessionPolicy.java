package io.tonewall.session.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings a session is opened with: how long it may be idle, how long a pay-by-link stays
 * valid, and the surcharge its PSP configuration adds (0 basis points: none).
 *
 * @param inactivityTimeout idle time after which a session times out (5 minutes by default)
 * @param linkValidity how long a {@code DIGITAL} session's link is valid (72 hours by default)
 * @param surchargeBasisPoints surcharge in 1/100 of a percent of each charge, 0 to 10000
 */
public record SessionPolicy(
    Duration inactivityTimeout, Duration linkValidity, int surchargeBasisPoints) {

  /** 5 minutes of inactivity, 72 hours for links, no surcharge. */
  public static final SessionPolicy DEFAULT =
      new SessionPolicy(Duration.ofMinutes(5), Duration.ofHours(72), 0);

  public SessionPolicy {
    Objects.requireNonNull(inactivityTimeout, "inactivityTimeout");
    Objects.requireNonNull(linkValidity, "linkValidity");
    if (inactivityTimeout.isNegative() || inactivityTimeout.isZero()) {
      throw new InvalidSessionInputException("inactivity timeout must be positive");
    }
    if (linkValidity.isNegative() || linkValidity.isZero()) {
      throw new InvalidSessionInputException("link validity must be positive");
    }
    if (surchargeBasisPoints < 0 || surchargeBasisPoints > 10_000) {
      throw new InvalidSessionInputException("surcharge must be 0 to 10000 basis points");
    }
  }

  /** This policy with another surcharge. */
  public SessionPolicy withSurcharge(int basisPoints) {
    return new SessionPolicy(inactivityTimeout, linkValidity, basisPoints);
  }
}
