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
 *   <li>{@code tonewall.session.link-validity}: pay-by-link validity, default {@code PT72H}.
 * </ul>
 *
 * <p>The surcharge a PSP configuration adds is a stored setting ({@link PspConfigurations}), which
 * administrators change in the console; {@code tonewall.surcharge.<configuration>} only gives its
 * initial value.
 */
@ApplicationScoped
public class SessionSettings {

  @Inject private Config config;

  /** The policy for a new session paying through a PSP configuration with these settings. */
  public SessionPolicy policyFor(PspSettingsView psp) {
    return new SessionPolicy(
        inactivityTimeout(),
        duration("tonewall.session.link-validity", SessionPolicy.DEFAULT.linkValidity()),
        psp.surchargeBasisPoints());
  }

  /** How long a session may stay idle. */
  public Duration inactivityTimeout() {
    return duration(
        "tonewall.session.inactivity-timeout", SessionPolicy.DEFAULT.inactivityTimeout());
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
