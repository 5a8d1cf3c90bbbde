package io.tonewall.session.application;

import java.util.Objects;

/**
 * One thing the IVR did for a session, to be recorded as an audit entry with its {@code
 * SessionChanged} event.
 *
 * @param eventType the audit and event type, for example {@code field.requested}
 * @param detail what happened, without card data
 */
record IvrStep(String eventType, String detail) {

  IvrStep {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(detail, "detail");
  }
}
