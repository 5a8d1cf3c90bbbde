package io.tonewall.session.application;

import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A read-only snapshot of a payment session for the API and the console. Holds no card data.
 *
 * @param merchantReference the integrator's reference, or {@code null} when none was given
 */
public record SessionView(
    UUID id,
    SessionMode mode,
    TransactionType transactionType,
    long amountMinorUnits,
    String currency,
    String merchantReference,
    SessionStatus status,
    Instant createdAt,
    Instant updatedAt)
    implements Serializable {

  static SessionView of(PaymentSession session) {
    return new SessionView(
        session.id(),
        session.mode(),
        session.transactionType(),
        session.amount().minorUnits(),
        session.amount().currency(),
        session.merchantReference().orElse(null),
        session.status(),
        session.createdAt(),
        session.updatedAt());
  }
}
