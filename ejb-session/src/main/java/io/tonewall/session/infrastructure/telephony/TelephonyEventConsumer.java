package io.tonewall.session.infrastructure.telephony;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.domain.SessionStateException;
import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventListener;
import io.tonewall.telephony.api.TransferOutcome;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Receives the telephony adapter's call events (JCA message inflow; the server binds it to the one
 * adapter that offers {@link TelephonyEventListener}, in the EAR and on Payara Micro alike) and
 * applies each to the payment session the call is linked to, through {@link PaymentSessions}: the
 * session's live bean when this node holds it, else its record. Each change is one transaction of
 * the application layer, with its audit entry and {@code SessionChanged} event; this bean runs
 * without one of its own.
 *
 * <p>Events of calls linked to no session are ignored, and so are events the session cannot take
 * any more (it ended, or has moved on): they are facts about the call, not requests, and the
 * adapter does not redeliver. Events carry counts and masked facts only; logging one prints no
 * digit.
 *
 * <p>One line per event type in {@link #dispatch}: a new type needs its case and, where it changes
 * the session, a method of {@link PaymentSessions}. The leak sentinel's two events become a
 * security incident ({@link PaymentSessions#leakSuspected}) and the secure window's evidence
 * ({@link PaymentSessions#secureWindowClosed}) in the session's audit trail; the end of an IVR
 * caller's transfer back becomes {@code ivr.transfer} ({@link PaymentSessions#ivrTransferEnded}),
 * recorded on the session that has usually ended by then.
 */
@MessageDriven(messageListenerInterface = TelephonyEventListener.class)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TelephonyEventConsumer implements TelephonyEventListener {

  private static final Logger LOG = Logger.getLogger(TelephonyEventConsumer.class.getName());

  @EJB private PaymentSessions sessions;

  @Override
  public void onEvent(TelephonyEvent event) {
    Optional<UUID> session = event.sessionId().flatMap(TelephonyEventConsumer::sessionId);
    if (session.isEmpty()) {
      LOG.finest(() -> "no payment session for " + event);
      return;
    }
    try {
      dispatch(session.get(), event);
    } catch (SessionNotFoundException e) {
      // the event can overtake the commit of the session that caused it; that session recorded it
      LOG.fine(() -> event + " ignored: " + e.getMessage());
    } catch (SessionStateException e) {
      LOG.info(() -> event + " not applied: " + e.getMessage());
    }
  }

  private void dispatch(UUID session, TelephonyEvent event) {
    switch (event.type()) {
      case PAIRED -> sessions.callPaired(session, event.callId());
      case SECURE -> sessions.callSecured(session, event.callId());
      case BROKEN ->
          sessions.secureLost(session, event.reason().map(BreakReason::name).orElse("UNKNOWN"));
      case DIGIT_ENTERED, FIELD_CLEARED, FIELD_COMPLETE ->
          FieldReports.of(event).ifPresent(report -> sessions.recordProgress(session, report));
      case FIELD_TIMED_OUT ->
          FieldReports.field(event)
              .ifPresent(field -> sessions.fieldTimedOut(session, field, event.digitCount()));
      case CALL_ENDED -> sessions.callEnded(session, event.callId());
      case LEAK_SUSPECTED -> sessions.leakSuspected(session, event.callId());
      case SECURE_WINDOW_CLOSED ->
          sessions.secureWindowClosed(
              session, event.callId(), event.suspiciousFrames(), event.framesExamined());
      case TRANSFER_ENDED ->
          sessions.ivrTransferEnded(
              session,
              event.callId(),
              event.transferOutcome().map(TransferOutcome::name).orElse("UNKNOWN"),
              event.sipStatus());
      default -> LOG.warning(() -> "no handling of " + event.type() + " yet: " + event);
    }
  }

  private static Optional<UUID> sessionId(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "a call is linked to '" + value + "', which is no session id", e);
      return Optional.empty();
    }
  }
}
