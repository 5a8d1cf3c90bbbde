package io.tonewall.session.application;

import io.tonewall.session.domain.CaptureState;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardNumberGuard;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.PaymentAttempt;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.session.infrastructure.jca.PspGateway;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import io.tonewall.session.infrastructure.jpa.JpaPaymentTransactionRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Every change of a payment session, each in one JTA transaction: load the row, let the domain
 * decide, write the row, any transaction rows and one audit entry, and fire {@link SessionChanged}
 * — all or nothing. The session's stateful bean calls these with its id; after a restart (or once
 * the bean has gone) the facade calls them directly, since the row is the truth.
 */
@Stateless
public class SessionTransitions {

  @EJB private JpaPaymentSessionRepository sessions;

  @EJB private JpaPaymentTransactionRepository transactions;

  @EJB private SessionJournal journal;

  @EJB private PspGateway psp;

  @Inject @Any private Instance<CardCapture> installedCaptures;

  @Inject @Any private Instance<IvrCalls> installedIvr;

  @Inject private SessionSettings settings;

  @EJB private PspConfigurations pspConfigurations;

  @Inject private Clock clock;

  /**
   * Opens a session and stores it.
   *
   * @throws InvalidSessionInputException when the PSP configuration is unknown
   */
  public SessionView open(NewPaymentSession request) {
    PaymentSession session = openRecord(request);
    if (session.mode() == SessionMode.IVR) {
      recordIvr(session, session.status(), ivr(session).open(session, clock.instant()));
      return SessionView.of(session);
    }
    Optional<CardCapture> capture = captures().find(session.mode());
    if (capture.isPresent()) {
      linkChannel(session, capture.get());
    }
    return SessionView.of(session);
  }

  private PaymentSession openRecord(NewPaymentSession request) {
    String configuration =
        request.pspConfiguration().orElse(PaymentSession.DEFAULT_PSP_CONFIGURATION);
    PaymentSession session =
        PaymentSession.open(
            request, settings.policyFor(pspConfigurations.usable(configuration)), clock.instant());
    sessions.add(session);
    record(
        session,
        SessionStatus.INITIAL,
        "session.created",
        "mode="
            + session.mode()
            + " type="
            + session.transactionType()
            + " amount="
            + session.amount()
            + " psp="
            + configuration);
    return session;
  }

  /**
   * A new session's channel: the call the integrator named is secured at once when it is live here;
   * otherwise the capture's pairing code is shown for the agent to dial.
   */
  private void linkChannel(PaymentSession session, CardCapture capture) {
    Instant now = clock.instant();
    if (session.callReference().isPresent()) {
      Optional<String> call = capture.secure(CaptureTarget.of(session));
      if (call.isPresent()) {
        session.secure(Optional.empty(), now);
        record(session, SessionStatus.INITIAL, "session.secured", "call=" + call.get());
        return;
      }
    }
    capture
        .allocatePairingCode(session.id())
        .ifPresent(code -> session.assignPairingCode(code, now));
  }

  /** The session with its transactions, after recording a timeout that is due. */
  public SessionView view(UUID id) {
    PaymentSession session = load(id);
    expireIfDue(session, clock.instant());
    return SessionView.of(session, transactions.ofSession(id));
  }

  /**
   * Secures the session's call (or the one named now): where a capture serves the session's mode,
   * it masks the live call first (undone if this transaction rolls back).
   *
   * @throws CallUnavailableException when no live call has the reference
   */
  public SessionView secure(UUID id, Optional<String> callReference) {
    return change(
        id,
        "session.secured",
        (session, now) -> {
          Optional<String> reference = callReference.or(session::callReference);
          Optional<CardCapture> capture = captures().find(session.mode());
          if (capture.isPresent()) {
            if (capture.get().secure(new CaptureTarget(id, reference)).isEmpty()) {
              throw new CallUnavailableException(
                  id,
                  reference.isPresent()
                      ? "no live call has the call reference (the one sent, or else the session's)"
                      : "no call reference is known for the session yet");
            }
          }
          session.secure(callReference, now);
          return "call=" + session.callReference().orElse("-");
        });
  }

  /**
   * The agent dialled the session's pairing code on a call (telephony event {@code PAIRED}): the
   * call is linked and secured in this one transaction. A session that is not waiting for its call
   * (already linked, or ended) is left as it is.
   */
  public SessionView callPaired(UUID id, String callId) {
    PaymentSession session = load(id);
    if (session.state() != SessionState.CREATED) {
      return SessionView.of(session);
    }
    Instant now = clock.instant();
    SessionStatus before = session.status();
    session.callPaired(callId, now);
    record(session, before, "call.paired", "call=" + callId);
    Optional<String> secured = captures().forMode(session.mode()).secure(CaptureTarget.of(session));
    if (secured.isPresent()) {
      session.secure(Optional.empty(), now);
      record(session, before, "session.secured", "call=" + callId);
      if (session.mode() == SessionMode.IVR) {
        recordIvr(session, before, ivr(session).callSecured(session, now));
      }
    }
    return SessionView.of(session);
  }

  /**
   * The adapter reports the session's call secure (telephony event {@code SECURE}); securing is
   * recorded where it was asked for, so this records only a session still waiting for it.
   */
  public SessionView callSecured(UUID id, String callId) {
    PaymentSession session = load(id);
    if (session.state() != SessionState.CREATED) {
      return SessionView.of(session);
    }
    Instant now = clock.instant();
    SessionStatus before = session.status();
    session.secure(Optional.of(callId), now);
    record(session, before, "session.secured", "call=" + callId + " reported by the adapter");
    if (session.mode() == SessionMode.IVR) {
      recordIvr(session, before, ivr(session).callSecured(session, now));
    }
    return SessionView.of(session);
  }

  /**
   * Hold, transfer, hang-up or lost media broke the secure state: captured fields are dropped, here
   * and in the capture.
   *
   * @param reason why, as the adapter reports it (for example {@code HOLD})
   */
  public SessionView secureLost(UUID id, String reason) {
    return change(
        id,
        "session.secure_lost",
        (session, now) -> {
          session.secureLost(now);
          captures().find(session.mode()).ifPresent(c -> c.discard(CaptureTarget.of(session)));
          return "reason=" + reason;
        });
  }

  /**
   * The session's call ended (telephony event {@code CALL_ENDED}): its captured digits are gone; an
   * agent-assisted session still waiting for its card gets a new pairing code for its next call.
   */
  public SessionView callEnded(UUID id, String callId) {
    return change(
        id,
        "call.ended",
        (session, now) -> {
          session.callEnded(now);
          if (session.mode() == SessionMode.IVR) {
            return "call=" + callId + ivrSteps(ivr(session).callEnded(session, now));
          } else if (session.state() == SessionState.CREATED) {
            captures()
                .find(session.mode())
                .flatMap(capture -> capture.allocatePairingCode(session.id()))
                .ifPresent(code -> session.assignPairingCode(code, now));
          }
          return "call=" + callId;
        });
  }

  /**
   * The leak sentinel heard something like a key on the audio sent to the agent while the call was
   * secure: a security incident, recorded as evidence (telephony event {@code LEAK_SUSPECTED}). The
   * session's state does not change.
   */
  public SessionView leakSuspected(UUID id, String callId) {
    return change(
        id,
        "security.leak_suspected",
        (session, now) -> {
          session.leakSuspected();
          return "call=" + callId;
        });
  }

  /**
   * A secure window of the call closed with the leak sentinel's verdict (telephony event {@code
   * SECURE_WINDOW_CLOSED}), recorded as evidence: how many frames sent to the agent were examined
   * and how many looked suspicious.
   */
  public SessionView secureWindowClosed(
      UUID id, String callId, long suspiciousFrames, long framesExamined) {
    return change(
        id,
        "security.secure_window_closed",
        (session, now) ->
            "call="
                + callId
                + " suspiciousFrames="
                + suspiciousFrames
                + " framesExamined="
                + framesExamined);
  }

  /**
   * The IVR's transfer of its caller back to the agent ({@code afterIvr: TRANSFER_BACK}) ended
   * (telephony event {@code TRANSFER_ENDED}), recorded as {@code ivr.transfer}: how, and the SIP
   * status that decided it. It comes after the session has ended (the session ends before the REFER
   * is sent): the session's state does not change, whatever it is.
   *
   * @param outcome as the adapter reports it: {@code ACCEPTED}, {@code FAILED}, {@code DECLINED} or
   *     {@code NO_ANSWER}
   * @param sipStatus the SIP status code that decided the outcome, if there was one
   */
  public SessionView ivrTransferEnded(
      UUID id, String callId, String outcome, OptionalInt sipStatus) {
    return change(
        id,
        "ivr.transfer",
        (session, now) ->
            "call="
                + callId
                + " outcome="
                + outcome
                + (sipStatus.isPresent() ? " sipStatus=" + sipStatus.getAsInt() : ""));
  }

  /**
   * The caller did not finish a field in time (telephony event {@code FIELD_TIMED_OUT}): its digits
   * are gone and it is {@code INVALID} until reset or requested again.
   */
  public SessionView fieldTimedOut(UUID id, CardField field, int digitCount) {
    PaymentSession session = load(id);
    Instant now = clock.instant();
    SessionStatus before = session.status();
    session.recordProgress(
        new FieldReport(field, digitCount, true, false, Optional.empty(), Optional.empty()), now);
    record(
        session, before, "field.timed_out", "field=" + field.apiName() + " digits=" + digitCount);
    if (session.mode() == SessionMode.IVR) {
      recordIvr(session, before, ivr(session).fieldFinished(session, field, now));
    }
    return SessionView.of(session);
  }

  /** Requests (or re-requests) a card field from the capture. */
  public SessionView requestField(UUID id, CardField field) {
    return change(
        id,
        "field.requested",
        (session, now) -> {
          new FieldCapture(captures()).request(session, field, now);
          return "field=" + field.apiName();
        });
  }

  /** Resets a card field. */
  public SessionView resetField(UUID id, CardField field) {
    return change(
        id,
        "field.reset",
        (session, now) -> {
          new FieldCapture(captures()).reset(session, field, now);
          return "field=" + field.apiName();
        });
  }

  /**
   * Records the capture's progress on a field. Digits keyed are not audited one by one (they are
   * announced as {@code field.progress}); a field's completion (valid or not) and the session
   * becoming ready are audited.
   */
  public SessionView recordProgress(UUID id, FieldReport report) {
    PaymentSession session = load(id);
    Instant now = clock.instant();
    SessionStatus before = session.status();
    SessionState stateBefore = session.state();
    CaptureState fieldBefore = session.progress(report.field()).state();
    session.recordProgress(report, now);
    CaptureState fieldAfter = session.progress(report.field()).state();
    boolean finished =
        fieldAfter != fieldBefore
            && (fieldAfter == CaptureState.COMPLETE || fieldAfter == CaptureState.INVALID);
    if (finished) {
      record(
          session,
          before,
          "field.captured",
          "field="
              + report.field().apiName()
              + " result="
              + fieldAfter
              + " digits="
              + report.digitCount()
              + session
                  .numberScheme()
                  .filter(s -> report.field() == CardField.NUMBER)
                  .map(s -> " brand=" + s)
                  .orElse(""));
    }
    boolean ready = session.state() == SessionState.READY && stateBefore != SessionState.READY;
    if (ready) {
      record(session, before, "session.ready", "every card field is complete");
    }
    if (finished && session.mode() == SessionMode.IVR) {
      recordIvr(session, before, ivr(session).fieldFinished(session, report.field(), now));
    }
    if (!finished && !ready) {
      // a digit keyed or the field cleared: pushed, not audited one by one
      journal.announce(session, before, "field.progress");
    }
    return SessionView.of(session);
  }

  /** Replaces the agent fields about the payer. */
  public SessionView updateCustomer(UUID id, CustomerDetails details) {
    return change(
        id,
        "customer.updated",
        (session, now) -> {
          session.updateCustomer(details, now);
          return "agent fields replaced";
        });
  }

  /** The caller accepted the surcharge. */
  public SessionView acceptSurcharge(UUID id) {
    return change(
        id,
        "surcharge.accepted",
        (session, now) -> {
          session.acceptSurcharge(now);
          return "surcharge=" + session.surcharge().map(Money::toString).orElse("-");
        });
  }

  /** Switches the PSP configuration before processing. */
  public SessionView switchPspConfiguration(UUID id, String configuration) {
    int surcharge = pspConfigurations.usable(configuration).surchargeBasisPoints();
    return change(
        id,
        "psp_configuration.switched",
        (session, now) -> {
          session.switchPspConfiguration(configuration, surcharge, now);
          return "psp=" + configuration;
        });
  }

  /** Pays only part of what remains with the next card. */
  public SessionView payPart(UUID id, Money part) {
    return change(
        id,
        "payment.part_set",
        (session, now) -> {
          session.payPart(part, now);
          return "part=" + part + " remaining=" + session.remaining();
        });
  }

  /**
   * Processes the payment with the captured card, in this one transaction: the PSP request (voided
   * by the adapter if the transaction rolls back), the outcome row, the session row, the audit
   * entry and the {@link SessionChanged} event {@code payment.<outcome>}.
   */
  public SessionView process(UUID id) {
    PaymentSession session = load(id);
    Instant now = clock.instant();
    SessionStatus before = session.status();
    PaymentTransaction transaction = new CardPayment(captures(), psp::send).process(session, now);
    transactions.add(transaction);
    record(
        session,
        before,
        "payment." + transaction.outcome().name().toLowerCase(Locale.ROOT),
        SessionJournal.describe(transaction));
    return SessionView.of(session, transactions.ofSession(id));
  }

  /**
   * Opens a session and pays it at once with a stored PSP token (from an earlier {@code TOKENISE}
   * session), in one transaction: the session row, the PSP request, the transaction row (with the
   * token used), the audit entries and the events {@code session.created} and {@code
   * payment.<outcome>}. A surcharge the configuration adds is charged as accepted by the caller.
   *
   * @throws InvalidSessionInputException for a malformed token or an unknown PSP configuration
   */
  public SessionView payWithToken(NewPaymentSession request, String token) {
    if (token == null || !token.matches("[\\x21-\\x7E]{1,255}")) {
      throw new InvalidSessionInputException(
          "token must be 1-255 printable ASCII characters without spaces");
    }
    // a PSP token is stored with the transaction: a card number sent as one must not be
    CardNumberGuard.requireNoCardNumber("token", token);
    PaymentSession session = openRecord(request);
    Instant now = clock.instant();
    SessionStatus before = session.status();
    PaymentAttempt attempt = session.startTokenPayment(now);
    PaymentOutcome answer =
        psp.payWithToken(
            attempt.pspConfiguration(),
            attempt.idempotencyKey(),
            attempt.amount(),
            token,
            attempt.type());
    PaymentTransaction transaction =
        session.recordOutcome(
            attempt,
            new PaymentOutcome(
                answer.outcome(),
                answer.declineReason(),
                answer.pspReference(),
                Optional.of(token),
                answer.card()),
            now);
    transactions.add(transaction);
    record(
        session,
        before,
        "payment." + transaction.outcome().name().toLowerCase(Locale.ROOT),
        "with token " + SessionJournal.describe(transaction));
    // The session was opened in this transaction: this is its only transaction (no query, which
    // would flush the unit of work first).
    return SessionView.of(session, List.of(transaction));
  }

  /** Another card after a decline, a failure or a part payment. */
  public SessionView retryWithAnotherCard(UUID id) {
    return change(
        id,
        "payment.retry",
        (session, now) -> {
          session.retryWithAnotherCard(now);
          captures().find(session.mode()).ifPresent(c -> c.discard(CaptureTarget.of(session)));
          return "amount=" + session.payment();
        });
  }

  /** Charges the same card again after an approval. */
  public SessionView additionalPayment(UUID id, Money extra) {
    return change(
        id,
        "payment.additional",
        (session, now) -> {
          session.additionalPayment(extra, now);
          return "amount=" + extra + " count=" + session.additionalPayments();
        });
  }

  /** A new payment on the same call. */
  public SessionView newPayment(UUID id, TransactionType type, Money amount) {
    return change(
        id,
        "payment.new",
        (session, now) -> {
          session.newPayment(type, amount, now);
          captures().find(session.mode()).ifPresent(c -> c.discard(CaptureTarget.of(session)));
          return "type=" + type + " amount=" + amount;
        });
  }

  /** Ends the session after its outcomes. */
  public SessionView end(UUID id) {
    return change(
        id,
        "session.ended",
        (session, now) -> {
          session.end(now);
          releaseCard(session);
          return "status=" + session.status().publicName();
        });
  }

  /** Cancels the session. */
  public SessionView cancel(UUID id) {
    return change(
        id,
        "session.cancelled",
        (session, now) -> {
          // a caller alone with the IVR is told before the call ends
          String told =
              session.mode() == SessionMode.IVR ? ivrSteps(ivr(session).cancelling(session)) : "";
          session.cancel(now);
          releaseCard(session);
          return "cancelled" + told;
        });
  }

  /**
   * An IVR session's processing is over (committed, or rolled back): the caller hears the outcome,
   * the call ends, and the session ends with it (see {@link IvrFlow#conclude}).
   */
  public SessionView concludeIvr(UUID id) {
    PaymentSession session = load(id);
    SessionStatus before = session.status();
    if (session.mode() != SessionMode.IVR) {
      throw new InvalidSessionInputException("only an IVR session is concluded by the IVR");
    }
    recordIvr(session, before, ivr(session).conclude(session, clock.instant()));
    return SessionView.of(session, transactions.ofSession(id));
  }

  /** The call was transferred; the session follows it. */
  public SessionView callTransferred(UUID id, String newCallReference) {
    return change(
        id,
        "call.transferred",
        (session, now) -> {
          String from = session.callReference().orElse("-");
          session.callTransferred(newCallReference, now);
          return "from=" + from + " to=" + newCallReference;
        });
  }

  /**
   * Records a timeout that is due, in a transaction of its own (called by the sweep).
   *
   * @return true when the session ended now
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean expireIfIdle(UUID id) {
    return expireIfDue(load(id), clock.instant());
  }

  private boolean expireIfDue(PaymentSession session, Instant now) {
    SessionStatus before = session.status();
    boolean onIvr =
        session.mode() == SessionMode.IVR
            && session.state().isCapturing()
            && session.callReference().isPresent();
    if (!session.expireIfIdle(now)) {
      return false;
    }
    if (onIvr) {
      recordIvr(session, before, ivr(session).expired(session));
    }
    releaseCard(session);
    String type =
        switch (session.state()) {
          case TIMED_OUT -> "session.timed_out";
          case EXPIRED -> "session.expired";
          default -> "session.ended";
        };
    record(session, before, type, "idle since " + session.lastActivityAt());
    return true;
  }

  private void releaseCard(PaymentSession session) {
    captures().find(session.mode()).ifPresent(c -> c.release(CaptureTarget.of(session)));
  }

  private void record(
      PaymentSession session, SessionStatus before, String eventType, String detail) {
    journal.record(session, before, eventType, detail);
  }

  private SessionView change(UUID id, String eventType, Change change) {
    PaymentSession session = load(id);
    Instant now = clock.instant();
    SessionStatus before = session.status();
    String detail = change.apply(session, now);
    record(session, before, eventType, detail);
    return SessionView.of(session);
  }

  private PaymentSession load(UUID id) {
    return sessions.find(id).orElseThrow(() -> new SessionNotFoundException(id));
  }

  private CardCaptures captures() {
    return new CardCaptures(installedCaptures);
  }

  /**
   * The IVR script of a session.
   *
   * @throws CardCaptureUnavailableException when no IVR is installed (no adapter offers one)
   */
  private IvrFlow ivr(PaymentSession session) {
    if (installedIvr.isUnsatisfied()) {
      throw new CardCaptureUnavailableException(session.mode());
    }
    return new IvrFlow(captures(), installedIvr.get());
  }

  private void recordIvr(PaymentSession session, SessionStatus before, List<IvrStep> steps) {
    for (IvrStep step : steps) {
      record(session, before, step.eventType(), step.detail());
    }
  }

  /** The IVR's steps folded into the audit detail of the change that caused them. */
  private static String ivrSteps(List<IvrStep> steps) {
    StringBuilder detail = new StringBuilder();
    for (IvrStep step : steps) {
      detail.append("; ").append(step.eventType()).append(' ').append(step.detail());
    }
    return detail.toString();
  }

  @FunctionalInterface
  private interface Change {
    /** Applies the change and returns the audit detail (no card data). */
    String apply(PaymentSession session, Instant now);
  }
}
