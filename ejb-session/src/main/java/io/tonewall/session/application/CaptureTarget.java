package io.tonewall.session.application;

import io.tonewall.session.domain.PaymentSession;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a session's card is captured: the session, and the reference of its call (SIP Call-ID or
 * the configured reference header) once it has one.
 *
 * @param sessionId the payment session
 * @param callReference the call the payer keys the card on
 */
public record CaptureTarget(UUID sessionId, Optional<String> callReference) {

  public CaptureTarget {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(callReference, "callReference");
  }

  /** The target of a session as it stands. */
  public static CaptureTarget of(PaymentSession session) {
    return new CaptureTarget(session.id(), session.callReference());
  }
}
