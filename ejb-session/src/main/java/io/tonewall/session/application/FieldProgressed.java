package io.tonewall.session.application;

import io.tonewall.session.domain.CaptureState;
import io.tonewall.session.domain.CardField;
import java.util.Objects;
import java.util.UUID;

/**
 * A card field's progress as the caller keys it, fired (synchronous CDI event, after the progress
 * has been stored) once per report of the capture, so that the console can show dots live. Counts
 * and states only: never a digit.
 *
 * @param sessionId the session
 * @param field the card field
 * @param state the field's capture state after the report
 * @param digitCount digits keyed so far
 */
public record FieldProgressed(UUID sessionId, CardField field, CaptureState state, int digitCount) {

  public FieldProgressed {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(state, "state");
  }
}
