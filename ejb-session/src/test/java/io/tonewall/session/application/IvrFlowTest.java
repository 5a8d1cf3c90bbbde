package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.PaymentCard;
import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.CardFacts;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.IvrOptions;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionPolicy;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The IVR's script, step by step as the telephony events drive it: link, first field, next field,
 * retries, goodbye, processing and the announced outcome.
 */
class IvrFlowTest {

  private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
  private static final String CALL = "ivr-call-1";

  /** Records what the session asked of the call, as the telephony adapter would receive it. */
  private static final class IvrDouble implements CardCapture, IvrCalls {
    final List<String> calls = new ArrayList<>();
    int links;
    boolean callLive = true;

    @Override
    public boolean serves(SessionMode mode) {
      return mode == SessionMode.IVR;
    }

    @Override
    public Optional<String> allocatePairingCode(UUID sessionId) {
      throw new AssertionError("an IVR session has no pairing code");
    }

    @Override
    public Optional<String> secure(CaptureTarget target) {
      return target.callReference();
    }

    @Override
    public void request(CaptureTarget target, CardFieldSpec spec) {
      calls.add("request " + spec.field().apiName());
    }

    @Override
    public void reset(CaptureTarget target, CardField field) {
      calls.add("reset " + field.apiName());
    }

    @Override
    public <T> T handOver(CaptureTarget target, CardUse<T> use) {
      calls.add("hand over");
      try (PaymentCard card =
          PaymentCard.of(
              "4242424242424242".toCharArray(), "1230".toCharArray(), "123".toCharArray())) {
        return use.use(card);
      }
    }

    @Override
    public void discard(CaptureTarget target) {
      calls.add("discard");
    }

    @Override
    public void release(CaptureTarget target) {
      calls.add("release");
    }

    @Override
    public Set<String> languages() {
      return Set.of("en", "fr", "de", "es");
    }

    @Override
    public IvrLink link(UUID sessionId, String language) {
      links++;
      calls.add("link " + language);
      return new IvrLink("sip:pay@127.0.0.1:5060", "10000" + links);
    }

    @Override
    public boolean announce(CaptureTarget target, IvrAnnouncement announcement) {
      calls.add("announce " + announcement + " on " + target.callReference().orElse("-"));
      return callLive;
    }

    @Override
    public boolean endCall(CaptureTarget target, AfterIvr ending) {
      calls.add("end " + ending);
      return callLive;
    }
  }

  private final IvrDouble ivr = new IvrDouble();
  private final CardCaptures captures = new CardCaptures(List.of(ivr));
  private final IvrFlow flow = new IvrFlow(captures, ivr);

  private static PaymentSession open(TransactionType type, long amount, IvrOptions options) {
    return PaymentSession.open(
        new NewPaymentSession(
            SessionMode.IVR,
            type,
            Money.of(amount, "GBP"),
            Optional.of("order-17"),
            CustomerDetails.of(
                Optional.of("Ada Lovelace"),
                Optional.empty(),
                Optional.of("SW1A 1AA"),
                Optional.empty()),
            Optional.empty(),
            Optional.empty(),
            Optional.of("client-1"),
            Optional.of(options),
            false),
        SessionPolicy.DEFAULT,
        NOW);
  }

  /** An IVR session whose caller has been transferred: linked, secure, first field asked for. */
  private PaymentSession onTheCall(TransactionType type, long amount, AfterIvr after) {
    PaymentSession session = open(type, amount, new IvrOptions("fr", after));
    flow.open(session, NOW);
    session.callPaired(CALL, NOW);
    session.secure(Optional.empty(), NOW);
    flow.callSecured(session, NOW);
    return session;
  }

  private List<IvrStep> complete(PaymentSession session, CardField field) {
    boolean number = field == CardField.NUMBER;
    session.recordProgress(
        new FieldReport(
            field,
            number ? 16 : field == CardField.EXPIRY ? 4 : 3,
            true,
            true,
            number ? Optional.of(CardScheme.VISA) : Optional.empty(),
            number ? Optional.of("4242") : Optional.empty()),
        NOW);
    return flow.fieldFinished(session, field, NOW);
  }

  private List<IvrStep> invalid(PaymentSession session, CardField field) {
    session.recordProgress(
        new FieldReport(field, 2, true, false, Optional.empty(), Optional.empty()), NOW);
    return flow.fieldFinished(session, field, NOW);
  }

  private List<IvrStep> timedOut(PaymentSession session, CardField field) {
    session.recordProgress(
        new FieldReport(field, 0, true, false, Optional.empty(), Optional.empty()), NOW);
    return flow.fieldFinished(session, field, NOW);
  }

  private static CardPayment payment(CardCaptures captures, Outcome outcome) {
    return new CardPayment(
        captures,
        (attempt, card) -> {
          Optional<CardFacts> facts =
              Optional.of(new CardFacts(CardScheme.VISA, card.firstSix(), card.lastFour()));
          return outcome == Outcome.DECLINED
              ? PaymentOutcome.declined("insufficient funds", facts)
              : PaymentOutcome.of(outcome, facts);
        });
  }

  private static List<String> types(List<IvrStep> steps) {
    return steps.stream().map(IvrStep::eventType).toList();
  }

  @Test
  void opensWithATransferLink_inTheSessionsLanguage_andKeepsTheAgentFields() {
    // given
    PaymentSession session =
        open(TransactionType.SALE, 1050, new IvrOptions("de", AfterIvr.TRANSFER_BACK));

    // when
    List<IvrStep> steps = flow.open(session, NOW);

    // then
    assertThat(types(steps), contains("ivr.linked"));
    assertThat(ivr.calls, contains("link de"));
    assertThat(session.ivrLinkId(), is(Optional.of("100001")));
    assertThat(session.ivrTransferTo(), is(Optional.of("sip:pay@127.0.0.1:5060")));
    assertThat(session.customer().name(), is(Optional.of("Ada Lovelace")));
    assertThat(session.status(), is(SessionStatus.INITIAL));
  }

  @Test
  void refusesALanguageTheIvrDoesNotSpeak_namingTheOnesItDoes() {
    // given
    PaymentSession session =
        open(TransactionType.SALE, 1050, new IvrOptions("nl", AfterIvr.HANG_UP));

    // when
    InvalidSessionInputException refused =
        assertThrows(InvalidSessionInputException.class, () -> flow.open(session, NOW));

    // then
    assertThat(refused.getMessage(), is("language must be one of de, en, es, fr"));
    assertThat(ivr.calls, is(empty()));
  }

  @Test
  void asksForTheFirstCardField_onceTheCallIsSecure_andTheLinkIsUsedUp() {
    // when
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);

    // then
    assertThat(ivr.calls, contains("link fr", "request number"));
    assertThat(session.ivrLinkId(), is(Optional.empty()));
    assertThat(session.ivrTransferTo(), is(Optional.empty()));
    assertThat(session.state(), is(SessionState.SECURED));
  }

  @Test
  void happyPath_asksEachFieldInTurn_processes_announcesApproval_andHangsUp() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);

    // when
    List<IvrStep> afterNumber = complete(session, CardField.NUMBER);
    List<IvrStep> afterExpiry = complete(session, CardField.EXPIRY);
    List<IvrStep> afterCode = complete(session, CardField.SECURITY_CODE);
    payment(captures, Outcome.APPROVED).process(session, NOW);
    List<IvrStep> concluded = flow.conclude(session, NOW);

    // then
    assertThat(types(afterNumber), contains("field.requested"));
    assertThat(types(afterExpiry), contains("field.requested"));
    assertThat(afterCode, is(empty()));
    assertThat(
        ivr.calls,
        contains(
            "link fr",
            "request number",
            "request expiry",
            "request securityCode",
            "hand over",
            "announce PAYMENT_APPROVED on " + CALL,
            "end HANG_UP",
            "release"));
    assertThat(types(concluded), contains("ivr.announced", "session.ended"));
    assertThat(concluded.get(0).detail(), is("announcement=PAYMENT_APPROVED then=HANG_UP"));
    assertThat(session.state(), is(SessionState.ENDED));
    assertThat(session.status(), is(SessionStatus.FINISHED));
  }

  @Test
  void invalidField_isAskedForAgain_andTheNextFieldStartsWithFreshAttempts() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);

    // when
    List<IvrStep> retried = invalid(session, CardField.NUMBER);
    complete(session, CardField.NUMBER);

    // then
    assertThat(types(retried), contains("field.requested"));
    assertThat(retried.get(0).detail(), is("field=number by=ivr attempt=2/3"));
    assertThat(
        ivr.calls, contains("link fr", "request number", "request number", "request expiry"));
    assertThat(session.ivrFailedAttempts(), is(0));
    assertThat(session.state(), is(SessionState.SECURED));
  }

  @Test
  void timedOutField_isAskedForAgain() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);

    // when
    List<IvrStep> retried = timedOut(session, CardField.EXPIRY);

    // then
    assertThat(retried.get(0).detail(), is("field=expiry by=ivr attempt=2/3"));
    assertThat(
        ivr.calls, contains("link fr", "request number", "request expiry", "request expiry"));
  }

  @Test
  void threeFailedAttempts_announceTooManyAttempts_endTheCall_andCancelTheSession() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.TRANSFER_BACK);
    complete(session, CardField.NUMBER);
    invalid(session, CardField.EXPIRY);
    timedOut(session, CardField.EXPIRY);

    // when
    List<IvrStep> steps = invalid(session, CardField.EXPIRY);

    // then
    assertThat(types(steps), contains("ivr.announced", "session.cancelled"));
    assertThat(steps.get(1).detail(), containsString("expiry 3 times"));
    assertThat(
        ivr.calls,
        contains(
            "link fr",
            "request number",
            "request expiry",
            "request expiry",
            "request expiry",
            "announce TOO_MANY_ATTEMPTS on " + CALL,
            "end TRANSFER_BACK",
            "release"));
    assertThat(session.state(), is(SessionState.CANCELLED));
    assertThat(session.status(), is(SessionStatus.CANCELLED));
  }

  @Test
  void cancelledDuringTheCall_tellsTheCaller_andEndsTheCall() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.TRANSFER_BACK);
    complete(session, CardField.NUMBER);

    // when
    List<IvrStep> steps = flow.cancelling(session);

    // then
    assertThat(types(steps), contains("ivr.announced"));
    assertThat(ivr.calls, hasItem("announce SESSION_CANCELLED on " + CALL));
    assertThat(ivr.calls.get(ivr.calls.size() - 1), is("end TRANSFER_BACK"));
  }

  @Test
  void cancelledBeforeTheCall_announcesNothing() {
    // given
    PaymentSession session =
        open(TransactionType.SALE, 1050, new IvrOptions("en", AfterIvr.HANG_UP));
    flow.open(session, NOW);

    // when
    List<IvrStep> steps = flow.cancelling(session);

    // then
    assertThat(steps, is(empty()));
    assertThat(ivr.calls, contains("link en"));
  }

  @Test
  void callerHangsUp_theSessionWaitsAgain_withANewLink() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);
    session.secureLost(NOW);

    // when
    session.callEnded(NOW);
    List<IvrStep> steps = flow.callEnded(session, NOW);

    // then
    assertThat(types(steps), contains("ivr.linked"));
    assertThat(session.state(), is(SessionState.CREATED));
    assertThat(session.ivrLinkId(), is(Optional.of("100002")));
    assertThat(session.progress(CardField.NUMBER).digitCount(), is(0));
    assertThat(ivr.calls, not(hasItem(containsString("announce"))));
  }

  @Test
  void tokenisation_announcesCardSaved() {
    // given
    PaymentSession session = onTheCall(TransactionType.TOKENISE, 0, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);
    complete(session, CardField.EXPIRY);
    complete(session, CardField.SECURITY_CODE);
    payment(captures, Outcome.APPROVED).process(session, NOW);

    // when
    flow.conclude(session, NOW);

    // then
    assertThat(ivr.calls, hasItem("announce CARD_SAVED on " + CALL));
    assertThat(session.status(), is(SessionStatus.FINISHED));
  }

  @Test
  void decline_isAnnounced_andTheSessionEndsInError() {
    // given
    PaymentSession session = onTheCall(TransactionType.AUTHORISE, 1050, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);
    complete(session, CardField.EXPIRY);
    complete(session, CardField.SECURITY_CODE);
    payment(captures, Outcome.DECLINED).process(session, NOW);

    // when
    flow.conclude(session, NOW);

    // then
    assertThat(ivr.calls, hasItem("announce PAYMENT_DECLINED on " + CALL));
    assertThat(session.state(), is(SessionState.ENDED));
    assertThat(session.status(), is(SessionStatus.ERROR));
  }

  @Test
  void unknownOutcome_isAnnounced_andTheSessionStaysOpenForReconciliation() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);
    complete(session, CardField.EXPIRY);
    complete(session, CardField.SECURITY_CODE);
    payment(captures, Outcome.UNKNOWN).process(session, NOW);

    // when
    List<IvrStep> steps = flow.conclude(session, NOW);

    // then
    assertThat(types(steps), contains("ivr.announced"));
    assertThat(ivr.calls, hasItem("announce OUTCOME_UNKNOWN on " + CALL));
    assertThat(session.state(), is(SessionState.UNKNOWN));
  }

  @Test
  void processingThatRolledBack_isAnnouncedAsFailed_andTheSessionIsCancelled() {
    // given: every field complete, processing never committed
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);
    complete(session, CardField.EXPIRY);
    complete(session, CardField.SECURITY_CODE);

    // when
    List<IvrStep> steps = flow.conclude(session, NOW);

    // then
    assertThat(types(steps), contains("ivr.announced", "session.cancelled"));
    assertThat(ivr.calls, hasItem("announce PAYMENT_FAILED on " + CALL));
    assertThat(session.status(), is(SessionStatus.CANCELLED));
  }

  @Test
  void callAlreadyGone_atTheEnd_isNotEndedAgain_butTheSessionStillEnds() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.HANG_UP);
    complete(session, CardField.NUMBER);
    complete(session, CardField.EXPIRY);
    complete(session, CardField.SECURITY_CODE);
    payment(captures, Outcome.APPROVED).process(session, NOW);
    ivr.callLive = false;

    // when
    List<IvrStep> steps = flow.conclude(session, NOW);

    // then
    assertThat(steps.get(0).detail(), containsString("the call had already ended"));
    assertThat(ivr.calls, not(hasItem("end HANG_UP")));
    assertThat(session.state(), is(SessionState.ENDED));
  }

  @Test
  void sessionTimingOutDuringTheCall_endsTheCall() {
    // given
    PaymentSession session = onTheCall(TransactionType.SALE, 1050, AfterIvr.TRANSFER_BACK);

    // when
    List<IvrStep> steps = flow.expired(session);

    // then
    assertThat(types(steps), contains("ivr.ended"));
    assertThat(ivr.calls.get(ivr.calls.size() - 1), is("end TRANSFER_BACK"));
  }

  @Test
  void refusesAnIvrSessionWithASurchargeNotAcceptedBeforehand() {
    // given
    NewPaymentSession request =
        new NewPaymentSession(
            SessionMode.IVR,
            TransactionType.SALE,
            Money.of(1000, "GBP"),
            Optional.empty(),
            CustomerDetails.none(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false);
    SessionPolicy surcharged = SessionPolicy.DEFAULT.withSurcharge(150);

    // when
    InvalidSessionInputException refused =
        assertThrows(
            InvalidSessionInputException.class,
            () -> PaymentSession.open(request, surcharged, NOW));
    PaymentSession accepted =
        PaymentSession.open(
            new NewPaymentSession(
                SessionMode.IVR,
                TransactionType.SALE,
                Money.of(1000, "GBP"),
                Optional.empty(),
                CustomerDetails.none(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true),
            surcharged,
            NOW);

    // then
    assertThat(refused.getMessage(), containsString("surchargeAccepted true"));
    assertThat(accepted.surchargeAccepted(), is(true));
    assertThat(accepted.ivrOptions(), is(Optional.of(IvrOptions.defaults())));
  }
}
