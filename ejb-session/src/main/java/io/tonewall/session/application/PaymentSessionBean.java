package io.tonewall.session.application;

import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Remove;
import jakarta.ejb.Stateful;
import jakarta.ejb.StatefulTimeout;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One payment session while it is live. Payara Micro serialises this bean after every call, so its
 * fields hold only the session id and serialisable bean references: never card data, never a
 * connection or a factory.
 */
@Stateful
@StatefulTimeout(value = 5, unit = TimeUnit.MINUTES)
public class PaymentSessionBean implements Serializable {

  private static final long serialVersionUID = 1L;

  @EJB private JpaPaymentSessionRepository repository;

  @Inject private transient Clock clock;

  private UUID sessionId;

  /** Opens the session and stores its record; called once, right after creation. */
  public SessionView open(NewPaymentSession request) {
    if (sessionId != null) {
      throw new IllegalStateException("payment session " + sessionId + " is already open");
    }
    PaymentSession session =
        PaymentSession.open(
            request.mode(),
            request.transactionType(),
            request.amount(),
            request.merchantReference(),
            clock().instant());
    request.apiClientId().ifPresent(session::assignOwner);
    repository.add(session);
    sessionId = session.id();
    return SessionView.of(session);
  }

  /** The session as it stands now. */
  public SessionView view() {
    return SessionView.of(record());
  }

  /** Cancels the session and ends this bean. */
  @Remove
  public SessionView cancel() {
    PaymentSession session = record();
    session.cancel(clock().instant());
    return SessionView.of(session);
  }

  public Optional<UUID> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  private PaymentSession record() {
    if (sessionId == null) {
      throw new IllegalStateException("payment session is not open");
    }
    return repository.find(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
  }

  private Clock clock() {
    // The transient clock is not restored by deserialisation on every server; fall back to UTC.
    return clock != null ? clock : Clock.systemUTC();
  }
}
