package io.tonewall.session.infrastructure.webhook;

import io.tonewall.session.webhook.RetrySchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook settings from MicroProfile Config: {@code tonewall.webhook.max-attempts} (default 8),
 * {@code tonewall.webhook.initial-backoff-seconds} (30) and {@code
 * tonewall.webhook.max-backoff-seconds} (3600).
 */
@ApplicationScoped
public class WebhookSettings {

  @Inject
  @ConfigProperty(name = "tonewall.webhook.max-attempts", defaultValue = "8")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "tonewall.webhook.initial-backoff-seconds", defaultValue = "30")
  long initialBackoffSeconds;

  @Inject
  @ConfigProperty(name = "tonewall.webhook.max-backoff-seconds", defaultValue = "3600")
  long maxBackoffSeconds;

  /** Dependent scope: a record cannot be proxied, and it is cheap to make. */
  @Produces
  RetrySchedule retrySchedule() {
    return new RetrySchedule(
        maxAttempts,
        Duration.ofSeconds(initialBackoffSeconds),
        Duration.ofSeconds(maxBackoffSeconds));
  }
}
