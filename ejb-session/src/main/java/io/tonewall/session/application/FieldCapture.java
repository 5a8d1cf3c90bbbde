package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.PaymentSession;
import java.time.Instant;
import java.util.Objects;

/**
 * Requests and resets card fields: the session checks that it may (secure call, no payment
 * pending), then the capture that serves the session's mode is told. If the capture refuses, the
 * caller's transaction rolls back and the session is unchanged.
 */
public final class FieldCapture {

  private final CardCaptures captures;

  public FieldCapture(CardCaptures captures) {
    this.captures = Objects.requireNonNull(captures, "captures");
  }

  /** Starts (or restarts) the capture of a card field. */
  public void request(PaymentSession session, CardField field, Instant now) {
    session.requestField(field, now);
    captures.forMode(session.mode()).request(CaptureTarget.of(session), CardFieldSpec.of(field));
  }

  /** Clears a card field. */
  public void reset(PaymentSession session, CardField field, Instant now) {
    session.resetField(field, now);
    captures.forMode(session.mode()).reset(CaptureTarget.of(session), field);
  }
}
