package io.tonewall.web.console.push;

import io.tonewall.session.application.CardFieldView;
import io.tonewall.session.application.SessionChanged;
import io.tonewall.session.application.SessionView;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * The JSON frames of the push channel: ids, statuses, event types and digit counts only, e.g.
 * {@code {"type":"session","sessionId":..,"event":"field.progress","status":"InProgress",
 * "state":"SECURED","fields":{"number":{"state":"REQUESTED","digits":5},..}}}.
 */
final class PushFrames {

  private PushFrames() {}

  static String of(SessionChanged change, SessionView view) {
    JsonObjectBuilder fields = Json.createObjectBuilder();
    for (CardFieldView field : view.cardFields()) {
      fields.add(
          field.field().apiName(),
          Json.createObjectBuilder()
              .add("state", field.state().name())
              .add("digits", field.digitCount()));
    }
    return Json.createObjectBuilder()
        .add("type", "session")
        .add("sessionId", change.sessionId().toString())
        .add("event", change.eventType())
        .add("status", change.newStatus().publicName())
        .add("state", view.state().name())
        .add("fields", fields)
        .build()
        .toString();
  }
}
