package io.tonewall.session.application;

import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.SessionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Session settings from MicroProfile Config (environment variables map as usual, e.g. {@code
 * TONEWALL_SESSION_INACTIVITY_TIMEOUT}):
 *
 * <ul>
 *   <li>{@code tonewall.session.inactivity-timeout}: ISO-8601 duration, default {@code PT5M};
 *   <li>{@code tonewall.session.link-validity}: pay-by-link validity, default {@code PT72H};
 *   <li>{@code tonewall.surcharge.<configuration>}: surcharge in basis points that a PSP
 *       configuration adds to each charge (e.g. {@code tonewall.surcharge.stripe-uk=150} for 1.5
 *       %), default none.
 * </ul>
 */
@ApplicationScoped
public class SessionSettings {

  @Inject private Config config;

  /** The policy for a new session paying through this PSP configuration. */
  public SessionPolicy policyFor(String pspConfiguration) {
    return new SessionPolicy(
        duration("tonewall.session.inactivity-timeout", SessionPolicy.DEFAULT.inactivityTimeout()),
        duration("tonewall.session.link-validity", SessionPolicy.DEFAULT.linkValidity()),
        surchargeBasisPoints(pspConfiguration));
  }

  /** The surcharge a PSP configuration adds, in basis points (0: none). */
  public int surchargeBasisPoints(String pspConfiguration) {
    Optional<Integer> value =
        config.getOptionalValue("tonewall.surcharge." + pspConfiguration, Integer.class);
    return value.orElse(0);
  }

  /** How long a session may stay idle. */
  public Duration inactivityTimeout() {
    return policyFor("sandbox").inactivityTimeout();
  }

  private Duration duration(String key, Duration fallback) {
    Optional<String> value = config.getOptionalValue(key, String.class);
    try {
      return value.map(Duration::parse).orElse(fallback);
    } catch (DateTimeParseException e) {
      throw new InvalidSessionInputException(key + " must be an ISO-8601 duration such as PT5M");
    }
  }
}
