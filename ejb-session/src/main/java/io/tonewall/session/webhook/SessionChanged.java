package io.tonewall.session.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment session changed state: fired synchronously inside the JTA transaction that changed it.
 * A stand-in for {@code io.tonewall.session.application.SessionChanged} until that lands; at merge
 * this record goes and its users import that one instead.
 *
 * @param sessionId the session
 * @param apiClientId the API client that owns the session, empty when opened outside the API
 * @param previousStatus the public status before, empty when the session was just created
 * @param status the public status now, for example {@code Cancelled}
 * @param eventType what happened, for example {@value #CANCELLED}
 * @param occurredAt when it happened
 */
public record SessionChanged(
    UUID sessionId,
    Optional<String> apiClientId,
    Optional<String> previousStatus,
    String status,
    String eventType,
    Instant occurredAt) {

  public static final String CREATED = "session.created";
  public static final String CANCELLED = "session.cancelled";

  public SessionChanged {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(apiClientId, "apiClientId");
    Objects.requireNonNull(previousStatus, "previousStatus");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }
}
