package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.TransactionType;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.EJB;
import jakarta.ejb.Remove;
import jakarta.ejb.Stateful;
import jakarta.ejb.StatefulTimeout;
import java.io.Serializable;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One payment session while it is live: the entry point that serialises the requests made of one
 * session (the container lets one call in at a time) and forwards each to {@link
 * SessionTransitions}, which applies it to the session's row in a transaction. The row is the
 * truth; this bean is a cache of who the session is.
 *
 * <p>The API, the console and the telephony events (through the message-driven bean) may call one
 * session at the same time: the container lets them in one after the other, each waiting up to 30
 * seconds.
 *
 * <p>Payara Micro serialises this bean after every call, so its fields hold only the session id and
 * a serialisable bean reference: never card data, never a connection or a factory. Domain refusals
 * are application exceptions: they roll the transaction back and keep the bean.
 */
@Stateful
@AccessTimeout(value = 30, unit = TimeUnit.SECONDS)
@StatefulTimeout(value = 5, unit = TimeUnit.MINUTES)
public class PaymentSessionBean implements Serializable {

  private static final long serialVersionUID = 2L;

  @EJB private SessionTransitions transitions;

  private UUID sessionId;

  /** Opens the session and stores its record; called once, right after creation. */
  public SessionView open(NewPaymentSession request) {
    if (sessionId != null) {
      throw new IllegalStateException("payment session " + sessionId + " is already open");
    }
    SessionView view = transitions.open(request);
    sessionId = view.id();
    return view;
  }

  /** The session as it stands now, with its transactions. */
  public SessionView view() {
    return transitions.view(id());
  }

  public SessionView secure(Optional<String> callReference) {
    return transitions.secure(id(), callReference);
  }

  public SessionView secureLost(String reason) {
    return transitions.secureLost(id(), reason);
  }

  public SessionView callPaired(String callId) {
    return transitions.callPaired(id(), callId);
  }

  public SessionView callSecured(String callId) {
    return transitions.callSecured(id(), callId);
  }

  public SessionView callEnded(String callId) {
    return transitions.callEnded(id(), callId);
  }

  public SessionView leakSuspected(String callId) {
    return transitions.leakSuspected(id(), callId);
  }

  public SessionView secureWindowClosed(String callId, long suspiciousFrames, long framesExamined) {
    return transitions.secureWindowClosed(id(), callId, suspiciousFrames, framesExamined);
  }

  public SessionView ivrTransferEnded(String callId, String outcome, OptionalInt sipStatus) {
    return transitions.ivrTransferEnded(id(), callId, outcome, sipStatus);
  }

  public SessionView fieldTimedOut(CardField field, int digitCount) {
    return transitions.fieldTimedOut(id(), field, digitCount);
  }

  public SessionView requestField(CardField field) {
    return transitions.requestField(id(), field);
  }

  public SessionView resetField(CardField field) {
    return transitions.resetField(id(), field);
  }

  public SessionView recordProgress(FieldReport report) {
    return transitions.recordProgress(id(), report);
  }

  public SessionView updateCustomer(CustomerDetails details) {
    return transitions.updateCustomer(id(), details);
  }

  public SessionView acceptSurcharge() {
    return transitions.acceptSurcharge(id());
  }

  public SessionView switchPspConfiguration(String configuration) {
    return transitions.switchPspConfiguration(id(), configuration);
  }

  public SessionView payPart(Money part) {
    return transitions.payPart(id(), part);
  }

  public SessionView process() {
    return transitions.process(id());
  }

  public SessionView concludeIvr() {
    return transitions.concludeIvr(id());
  }

  public SessionView retryWithAnotherCard() {
    return transitions.retryWithAnotherCard(id());
  }

  public SessionView additionalPayment(Money extra) {
    return transitions.additionalPayment(id(), extra);
  }

  public SessionView newPayment(TransactionType type, Money amount) {
    return transitions.newPayment(id(), type, amount);
  }

  /** Ends the session after its outcomes, and this bean with it. */
  @Remove
  public SessionView end() {
    return transitions.end(id());
  }

  /** Cancels the session and ends this bean. */
  @Remove
  public SessionView cancel() {
    return transitions.cancel(id());
  }

  public Optional<UUID> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  private UUID id() {
    if (sessionId == null) {
      throw new IllegalStateException("payment session is not open");
    }
    return sessionId;
  }
}
