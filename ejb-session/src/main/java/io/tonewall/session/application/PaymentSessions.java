package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.NoSuchEJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens payment sessions, finds them again and passes requests to them, for the API, the console
 * and the adapters. A request goes to the session's live stateful bean when this node holds one;
 * otherwise (after a restart, or once the bean has timed out) it is applied to the session's row
 * directly. Each request runs in its own transaction (a token payment joins the caller's, when
 * there is one).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentSessions {

  private static final Logger LOG = Logger.getLogger(PaymentSessions.class.getName());

  /** Largest page of sessions. */
  public static final int MAX_PAGE_SIZE = 100;

  @Inject private Provider<PaymentSessionBean> newSessionBean;

  @EJB private LiveSessions live;

  @EJB private SessionTransitions transitions;

  @EJB private JpaPaymentSessionRepository repository;

  /** Opens a session held by its own stateful bean. */
  public SessionView open(NewPaymentSession request) {
    PaymentSessionBean bean = newSessionBean.get();
    SessionView view = bean.open(request);
    live.register(view.id(), bean);
    return view;
  }

  /**
   * Opens a session and pays it at once with a stored PSP token (no call, no card, no live bean),
   * in the caller's transaction when there is one (the API's, which also holds the request's
   * idempotency record), else in a transaction of its own.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public SessionView payWithToken(NewPaymentSession request, String token) {
    return transitions.payWithToken(request, token);
  }

  /**
   * The session's current state with its transactions, from its durable record (correct across
   * restarts).
   *
   * @throws io.tonewall.session.domain.SessionNotFoundException when no session has this id
   */
  public SessionView find(UUID id) {
    return transitions.view(id);
  }

  /**
   * One page of sessions, newest first.
   *
   * @throws InvalidSessionInputException when page or size is out of range
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public SessionPage list(
      int page, int size, Optional<SessionStatus> status, Optional<String> apiClientId) {
    if (page < 0 || page > 100_000) {
      throw new InvalidSessionInputException("page must be 0 to 100000");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidSessionInputException("size must be 1 to " + MAX_PAGE_SIZE);
    }
    return new SessionPage(
        repository.page(page, size, status, apiClientId).stream().map(SessionView::of).toList(),
        page,
        size,
        repository.count(status, apiClientId));
  }

  public SessionView secure(UUID id, Optional<String> callReference) {
    return route(
        id, bean -> bean.secure(callReference), () -> transitions.secure(id, callReference));
  }

  /** Secure mode was lost (hold, transfer, hang-up, lost media); {@code reason} says which. */
  public SessionView secureLost(UUID id, String reason) {
    return route(id, bean -> bean.secureLost(reason), () -> transitions.secureLost(id, reason));
  }

  /** The agent dialled the session's pairing code on the call {@code callId}. */
  public SessionView callPaired(UUID id, String callId) {
    return route(id, bean -> bean.callPaired(callId), () -> transitions.callPaired(id, callId));
  }

  /** The adapter reports the session's call secure. */
  public SessionView callSecured(UUID id, String callId) {
    return route(id, bean -> bean.callSecured(callId), () -> transitions.callSecured(id, callId));
  }

  /** The session's call ended. */
  public SessionView callEnded(UUID id, String callId) {
    return route(id, bean -> bean.callEnded(callId), () -> transitions.callEnded(id, callId));
  }

  /** The leak sentinel suspects a key reached the agent: a security incident (audited). */
  public SessionView leakSuspected(UUID id, String callId) {
    return route(
        id, bean -> bean.leakSuspected(callId), () -> transitions.leakSuspected(id, callId));
  }

  /** A secure window closed with the leak sentinel's verdict (audited as evidence). */
  public SessionView secureWindowClosed(
      UUID id, String callId, long suspiciousFrames, long framesExamined) {
    return route(
        id,
        bean -> bean.secureWindowClosed(callId, suspiciousFrames, framesExamined),
        () -> transitions.secureWindowClosed(id, callId, suspiciousFrames, framesExamined));
  }

  /**
   * The IVR's transfer of the caller back to the agent ended (audited as {@code ivr.transfer}, on a
   * session that has usually ended already).
   */
  public SessionView ivrTransferEnded(
      UUID id, String callId, String outcome, OptionalInt sipStatus) {
    return route(
        id,
        bean -> bean.ivrTransferEnded(callId, outcome, sipStatus),
        () -> transitions.ivrTransferEnded(id, callId, outcome, sipStatus));
  }

  /** The caller did not finish a card field in time. */
  public SessionView fieldTimedOut(UUID id, CardField field, int digitCount) {
    return ended(
        route(
            id,
            bean -> bean.fieldTimedOut(field, digitCount),
            () -> transitions.fieldTimedOut(id, field, digitCount)));
  }

  public SessionView requestField(UUID id, CardField field) {
    return route(id, bean -> bean.requestField(field), () -> transitions.requestField(id, field));
  }

  public SessionView resetField(UUID id, CardField field) {
    return route(id, bean -> bean.resetField(field), () -> transitions.resetField(id, field));
  }

  /**
   * Progress reported by the capture (per digit; only completions are audited). An IVR session
   * whose last card field this completed is processed at once, in a transaction of its own, and
   * concluded in another (see {@link #processIvr}).
   */
  public SessionView recordProgress(UUID id, FieldReport report) {
    SessionView view =
        route(
            id, bean -> bean.recordProgress(report), () -> transitions.recordProgress(id, report));
    if (view.mode() == SessionMode.IVR && view.state() == SessionState.READY) {
      return processIvr(id);
    }
    return ended(view);
  }

  /**
   * Processes an IVR session's payment (one transaction: PSP request, outcome, audit, event), then
   * lets the IVR announce the outcome and end the call and the session (another transaction, so
   * that the caller never hears an outcome that did not commit). When processing fails and rolls
   * back, the caller hears that the payment failed and the session is cancelled: nothing was
   * charged (the PSP adapter voids on rollback).
   */
  public SessionView processIvr(UUID id) {
    try {
      route(id, PaymentSessionBean::process, () -> transitions.process(id));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "IVR session " + id + " could not be processed; telling the caller", e);
    }
    return ended(route(id, PaymentSessionBean::concludeIvr, () -> transitions.concludeIvr(id)));
  }

  public SessionView updateCustomer(UUID id, CustomerDetails details) {
    return route(
        id, bean -> bean.updateCustomer(details), () -> transitions.updateCustomer(id, details));
  }

  public SessionView acceptSurcharge(UUID id) {
    return route(id, PaymentSessionBean::acceptSurcharge, () -> transitions.acceptSurcharge(id));
  }

  public SessionView switchPspConfiguration(UUID id, String configuration) {
    return route(
        id,
        bean -> bean.switchPspConfiguration(configuration),
        () -> transitions.switchPspConfiguration(id, configuration));
  }

  public SessionView payPart(UUID id, Money part) {
    return route(id, bean -> bean.payPart(part), () -> transitions.payPart(id, part));
  }

  /** Processes the payment (see {@link SessionTransitions#process}). */
  public SessionView process(UUID id) {
    return route(id, PaymentSessionBean::process, () -> transitions.process(id));
  }

  public SessionView retryWithAnotherCard(UUID id) {
    return route(
        id, PaymentSessionBean::retryWithAnotherCard, () -> transitions.retryWithAnotherCard(id));
  }

  public SessionView additionalPayment(UUID id, Money extra) {
    return route(
        id, bean -> bean.additionalPayment(extra), () -> transitions.additionalPayment(id, extra));
  }

  public SessionView newPayment(UUID id, TransactionType type, Money amount) {
    return route(
        id, bean -> bean.newPayment(type, amount), () -> transitions.newPayment(id, type, amount));
  }

  /** Ends the session after its outcomes. */
  public SessionView end(UUID id) {
    SessionView view = route(id, PaymentSessionBean::end, () -> transitions.end(id));
    live.forget(id);
    return view;
  }

  /**
   * Cancels a session.
   *
   * @throws io.tonewall.session.domain.SessionNotFoundException when no session has this id
   * @throws io.tonewall.session.domain.SessionAlreadyEndedException when it has already ended
   */
  public SessionView cancel(UUID id) {
    SessionView view = route(id, PaymentSessionBean::cancel, () -> transitions.cancel(id));
    live.forget(id);
    return view;
  }

  /** A session that ended on an event (an IVR goodbye) no longer needs its live bean. */
  private SessionView ended(SessionView view) {
    if (view.state().isEnded()) {
      live.forget(view.id());
    }
    return view;
  }

  private SessionView route(
      UUID id, Function<PaymentSessionBean, SessionView> onBean, Supplier<SessionView> onRecord) {
    Optional<PaymentSessionBean> bean = live.find(id);
    if (bean.isPresent()) {
      try {
        return onBean.apply(bean.get());
      } catch (NoSuchEJBException e) {
        live.forget(id);
        LOG.fine(() -> "live bean of session " + id + " has gone; applying to its record");
      }
    }
    return onRecord.get();
  }
}
