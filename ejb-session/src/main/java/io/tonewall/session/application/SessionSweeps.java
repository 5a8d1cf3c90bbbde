package io.tonewall.session.application;

import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Timed work on sessions: every 30 seconds, records the timeouts of idle sessions (each in its own
 * transaction); every minute, asks the PSP about transactions whose outcome has been unknown for a
 * minute or more. A session or transaction that fails is logged and tried again next time.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SessionSweeps {

  private static final Logger LOG = Logger.getLogger(SessionSweeps.class.getName());
  private static final int BATCH = 200;
  private static final Duration UNKNOWN_FOR = Duration.ofMinutes(1);

  @EJB private SessionTransitions transitions;

  @EJB private Transactions transactions;

  @EJB private LiveSessions live;

  @EJB private JpaPaymentSessionRepository sessions;

  @Inject private SessionSettings settings;

  @Inject private Clock clock;

  /** Records the timeouts that are due. */
  @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
  public void expireIdleSessions() {
    Instant now = clock.instant();
    for (UUID id : sessions.idleSince(now.minus(settings.inactivityTimeout()), now, BATCH)) {
      try {
        if (transitions.expireIfIdle(id)) {
          live.forget(id);
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not record the timeout of session " + id, e);
      }
    }
  }

  /** Reconciles transactions whose outcome is still unknown. */
  @Schedule(second = "15", minute = "*", hour = "*", persistent = false)
  public void reconcileUnknownOutcomes() {
    for (UUID id : transactions.unknownSince(clock.instant().minus(UNKNOWN_FOR), BATCH)) {
      try {
        transactions.reconcile(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not reconcile transaction " + id, e);
      }
    }
  }
}
