package io.tonewall.session.webhook;

import io.tonewall.session.application.SessionChanged;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of a webhook: {@code {"id","type","sessionId","status","previousStatus","occurredAt"}}.
 * Built only from ids, public statuses and times: a webhook can never carry card data.
 *
 * @param id the event's id, the same for every subscription it goes to (receivers dedupe on it)
 * @param type for example {@code session.cancelled}
 * @param json the exact body sent
 */
public record WebhookEvent(String id, String type, String json) {

  /** One provider for the application's life: {@code Json.create…} looks it up on every call. */
  private static final JsonBuilderFactory JSON =
      JsonProvider.provider().createBuilderFactory(Map.of());

  public WebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(json, "json");
  }

  /** The event for a session change, with a fresh id. */
  public static WebhookEvent of(SessionChanged change) {
    String id = UUID.randomUUID().toString();
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("id", id)
            .add("type", change.eventType())
            .add("sessionId", change.sessionId().toString())
            .add("status", change.newStatus().publicName())
            .add("previousStatus", change.oldStatus().publicName())
            .add("occurredAt", change.occurredAt().toString());
    return new WebhookEvent(id, change.eventType(), body.build().toString());
  }
}
