package io.tonewall.session.application;

import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.CaptureState;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.IvrOptions;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The IVR's script for a session whose caller is alone with Tonewall. Each method is one step,
 * driven by a telephony event (or by the end of processing) inside the caller's transaction: it
 * changes the session, tells the capture and the IVR what to do next, and returns what to audit.
 *
 * <pre>
 * call linked and secure ─&gt; ask for the first card field
 * field complete and valid ─&gt; ask for the next one (none left: the session is READY; processing
 *     follows in a transaction of its own, then {@link #conclude})
 * field invalid or timed out ─&gt; ask for it again, at most {@value #MAX_ATTEMPTS} attempts per
 *     field; then TOO_MANY_ATTEMPTS, the call ends and the session is cancelled
 * outcome ─&gt; announce it, end the call (hang up or transfer back), end the session
 * cancelled through the API while the call is on ─&gt; SESSION_CANCELLED, the call ends
 * caller hung up ─&gt; a new link for the next transfer (the session waits again)
 * </pre>
 */
public final class IvrFlow {

  /** Attempts a caller has at each card field. */
  public static final int MAX_ATTEMPTS = 3;

  private final CardCaptures captures;
  private final IvrCalls calls;

  public IvrFlow(CardCaptures captures, IvrCalls calls) {
    this.captures = Objects.requireNonNull(captures, "captures");
    this.calls = Objects.requireNonNull(calls, "calls");
  }

  /**
   * A new IVR session: checks that the IVR speaks its language and gives it a link for the
   * transfer.
   *
   * @throws InvalidSessionInputException naming the languages the IVR speaks, when it does not
   *     speak the session's
   */
  List<IvrStep> open(PaymentSession session, Instant now) {
    IvrOptions options = options(session);
    TreeSet<String> languages = new TreeSet<>(calls.languages());
    if (!languages.contains(options.language())) {
      throw new InvalidSessionInputException(
          "language must be one of " + String.join(", ", languages));
    }
    return List.of(link(session, now));
  }

  /** The call is linked and secure: the caller is asked for the first card field. */
  List<IvrStep> callSecured(PaymentSession session, Instant now) {
    options(session);
    return requestNext(session, now);
  }

  /**
   * A card field finished (its completion or timeout is already recorded on the session): the next
   * field, the same one again, or — after {@value #MAX_ATTEMPTS} failed attempts — goodbye.
   */
  List<IvrStep> fieldFinished(PaymentSession session, CardField field, Instant now) {
    options(session);
    CaptureState state = session.progress(field).state();
    if (state == CaptureState.COMPLETE) {
      session.ivrFieldSucceeded(now);
      return requestNext(session, now);
    }
    if (state != CaptureState.INVALID) {
      return List.of();
    }
    int failed = session.ivrFieldFailed(now);
    if (failed < MAX_ATTEMPTS) {
      return List.of(request(session, field, now));
    }
    List<IvrStep> steps = new ArrayList<>();
    steps.add(farewell(session, IvrAnnouncement.TOO_MANY_ATTEMPTS));
    session.cancel(now);
    release(session);
    steps.add(
        new IvrStep(
            "session.cancelled",
            "the caller failed the card field " + field.apiName() + " " + failed + " times"));
    return steps;
  }

  /**
   * Processing is over (or rolled back): the caller hears the outcome, the call ends, and so does
   * the session — except one whose outcome is unknown, which reconciliation resolves. A session
   * still {@code READY} (processing rolled back, nothing charged) hears PAYMENT_FAILED and is
   * cancelled. Nothing happens to a session in any other state.
   */
  List<IvrStep> conclude(PaymentSession session, Instant now) {
    options(session);
    Optional<IvrAnnouncement> announcement =
        switch (session.state()) {
          case APPROVED ->
              Optional.of(
                  session.transactionType() == TransactionType.TOKENISE
                      ? IvrAnnouncement.CARD_SAVED
                      : IvrAnnouncement.PAYMENT_APPROVED);
          case DECLINED -> Optional.of(IvrAnnouncement.PAYMENT_DECLINED);
          case FAILED, READY -> Optional.of(IvrAnnouncement.PAYMENT_FAILED);
          case UNKNOWN -> Optional.of(IvrAnnouncement.OUTCOME_UNKNOWN);
          default -> Optional.empty();
        };
    if (announcement.isEmpty()) {
      return List.of();
    }
    List<IvrStep> steps = new ArrayList<>();
    steps.add(farewell(session, announcement.get()));
    switch (session.state()) {
      case APPROVED, DECLINED, FAILED -> {
        session.end(now);
        release(session);
        steps.add(new IvrStep("session.ended", "status=" + session.status().publicName()));
      }
      case READY -> {
        session.cancel(now);
        release(session);
        steps.add(
            new IvrStep("session.cancelled", "processing did not complete; nothing was charged"));
      }
      default -> {
        // UNKNOWN: the session stays open for reconciliation (the idle sweep ends it)
      }
    }
    return steps;
  }

  /**
   * The session is about to be cancelled through the API or the console: a caller still on the IVR
   * hears SESSION_CANCELLED and the call ends.
   */
  List<IvrStep> cancelling(PaymentSession session) {
    options(session);
    if (session.callReference().isEmpty() || !session.state().isCapturing()) {
      return List.of();
    }
    return List.of(farewell(session, IvrAnnouncement.SESSION_CANCELLED));
  }

  /**
   * The session timed out (or expired) while its caller was still on the IVR: the call ends (the
   * IVR says goodbye; no outcome to announce).
   */
  List<IvrStep> expired(PaymentSession session) {
    options(session);
    CaptureTarget target = CaptureTarget.of(session);
    AfterIvr ending = options(session).afterIvr();
    boolean ended = calls.endCall(target, ending);
    return List.of(
        new IvrStep(
            "ivr.ended",
            ended ? "the session ended during the call; then=" + ending : "the call had ended"));
  }

  /**
   * The caller hung up (the call ended): a session still waiting for its card gets a new link, so
   * that the caller can be transferred again.
   */
  List<IvrStep> callEnded(PaymentSession session, Instant now) {
    options(session);
    if (session.state() != SessionState.CREATED) {
      return List.of();
    }
    return List.of(link(session, now));
  }

  private IvrStep link(PaymentSession session, Instant now) {
    IvrLink link = calls.link(session.id(), options(session).language());
    session.assignIvrLink(link.transferTo(), link.linkId(), now);
    return new IvrStep("ivr.linked", "transferTo=" + link.transferTo());
  }

  private List<IvrStep> requestNext(PaymentSession session, Instant now) {
    List<CardField> incomplete = session.incompleteFields();
    if (incomplete.isEmpty()) {
      return List.of();
    }
    return List.of(request(session, incomplete.get(0), now));
  }

  private IvrStep request(PaymentSession session, CardField field, Instant now) {
    new FieldCapture(captures).request(session, field, now);
    return new IvrStep(
        "field.requested",
        "field="
            + field.apiName()
            + " by=ivr attempt="
            + (session.ivrFailedAttempts() + 1)
            + "/"
            + MAX_ATTEMPTS);
  }

  /** Tells the caller, then ends the call as the session says. */
  private IvrStep farewell(PaymentSession session, IvrAnnouncement announcement) {
    CaptureTarget target = CaptureTarget.of(session);
    AfterIvr ending = options(session).afterIvr();
    boolean told = calls.announce(target, announcement);
    boolean ended = told && calls.endCall(target, ending);
    return new IvrStep(
        "ivr.announced",
        "announcement="
            + announcement
            + (ended ? " then=" + ending : " (the call had already ended)"));
  }

  private void release(PaymentSession session) {
    captures.find(session.mode()).ifPresent(c -> c.release(CaptureTarget.of(session)));
  }

  private static IvrOptions options(PaymentSession session) {
    if (session.mode() != SessionMode.IVR) {
      throw new IllegalArgumentException("session " + session.id() + " is not an IVR session");
    }
    return session
        .ivrOptions()
        .orElseThrow(
            () -> new IllegalStateException("IVR session " + session.id() + " has no options"));
  }
}
