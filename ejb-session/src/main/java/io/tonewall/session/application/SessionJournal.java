package io.tonewall.session.application;

import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.infrastructure.jpa.JpaAuditTrail;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes down one change of a session inside the caller's transaction: an audit entry (hash
 * chained) and the {@link SessionChanged} event. Details are built from masked facts only.
 */
@Stateless
public class SessionJournal {

  @EJB private JpaAuditTrail audit;

  @Inject private Event<SessionChanged> changes;

  @Inject private Clock clock;

  /** Appends the audit entry and fires the event of one change. */
  public void record(
      PaymentSession session, SessionStatus before, String eventType, String detail) {
    Instant now = clock.instant();
    audit.append(
        Optional.of(session.id()),
        eventType,
        "status=" + session.status().publicName() + " state=" + session.state() + " " + detail,
        now);
    changes.fire(
        new SessionChanged(
            session.id(), session.apiClientId(), before, session.status(), eventType, now));
  }

  /**
   * Fires the event of a change that is not audited (a digit keyed: counts only), for webhooks and
   * the console's live view.
   */
  public void announce(PaymentSession session, SessionStatus before, String eventType) {
    changes.fire(
        new SessionChanged(
            session.id(),
            session.apiClientId(),
            before,
            session.status(),
            eventType,
            clock.instant()));
  }

  /** An audit detail for a transaction: ids, amounts, outcome, masked card facts. */
  public static String describe(PaymentTransaction transaction) {
    return "transaction="
        + transaction.id()
        + " type="
        + transaction.type()
        + " outcome="
        + transaction.outcome()
        + transaction.declineReason().map(reason -> " reason=" + reason).orElse("")
        + " amount="
        + transaction.amount()
        + transaction.pspReference().map(reference -> " reference=" + reference).orElse("")
        + transaction.card().map(card -> " card=" + card).orElse("")
        + " key="
        + transaction.idempotencyKey();
  }
}
