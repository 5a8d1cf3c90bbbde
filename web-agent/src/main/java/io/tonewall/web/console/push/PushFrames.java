package io.tonewall.web.console.push;

import io.tonewall.session.application.FieldProgressed;
import io.tonewall.session.application.SessionChanged;
import jakarta.json.Json;

/** The JSON frames of the push channel: ids, statuses, event types and counts only. */
final class PushFrames {

  private PushFrames() {}

  /** {@code {"type":"session","sessionId":..,"event":..,"status":..}} */
  static String of(SessionChanged change) {
    return Json.createObjectBuilder()
        .add("type", "session")
        .add("sessionId", change.sessionId().toString())
        .add("event", change.eventType())
        .add("status", change.newStatus().publicName())
        .build()
        .toString();
  }

  /** {@code {"type":"field","sessionId":..,"field":"number","state":..,"digits":5}} */
  static String of(FieldProgressed progress) {
    return Json.createObjectBuilder()
        .add("type", "field")
        .add("sessionId", progress.sessionId().toString())
        .add("field", progress.field().apiName())
        .add("state", progress.state().name())
        .add("digits", progress.digitCount())
        .build()
        .toString();
  }
}
