package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.SessionMode;
import java.util.List;
import java.util.UUID;

/**
 * The port through which a session captures card fields where they are keyed — the telephony
 * adapter for {@code AGENT_ASSIST} and {@code IVR}, the pay page for {@code DIGITAL} — without the
 * digits ever reaching the session. Implementations are CDI beans; the session picks the one that
 * {@link #serves} its mode. None is installed yet (the telephony adapter's capture API is being
 * built); without one, field requests and processing answer {@link
 * CardCaptureUnavailableException}.
 *
 * <p>Progress flows back to the session as {@link FieldReport}s (counts and masked facts only),
 * pushed through {@code PaymentSessions.recordProgress} and also readable here with {@link
 * #progress}.
 */
public interface CardCapture {

  /** True when this capture serves sessions of this mode. */
  boolean serves(SessionMode mode);

  /** Starts (or restarts, clearing it) the capture of one field of the session's call. */
  void request(UUID sessionId, CardFieldSpec spec);

  /** Clears a field's digits and stops capturing it. */
  void reset(UUID sessionId, CardField field);

  /** The current progress of every field of the session that has been requested. */
  List<FieldReport> progress(UUID sessionId);

  /**
   * Builds the card from the captured fields, hands it to {@code use} and wipes it afterwards,
   * whatever happens. The captured digits stay available for additional payments on the same card
   * until {@link #release}.
   *
   * @throws io.tonewall.session.domain.FieldsIncompleteException when a field is not complete
   */
  <T> T handOver(UUID sessionId, CardUse<T> use);

  /** Wipes everything captured for the session (it ended, or its card is no longer needed). */
  void release(UUID sessionId);
}
