package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentSessionStateMachineTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Optional<CardFacts> VISA =
      Optional.of(new CardFacts(CardScheme.VISA, "424242", "4242"));

  private Instant clock = NOW;

  private Instant later() {
    clock = clock.plusSeconds(10);
    return clock;
  }

  private static PaymentSession sale(long amount) {
    return PaymentSession.open(
        SessionMode.AGENT_ASSIST,
        TransactionType.SALE,
        Money.of(amount, "GBP"),
        Optional.empty(),
        NOW);
  }

  private void captureCard(PaymentSession session) {
    for (CardField field : CardField.values()) {
      session.requestField(field, later());
    }
    session.recordProgress(
        new FieldReport(
            CardField.NUMBER, 16, true, true, Optional.of(CardScheme.VISA), Optional.of("4242")),
        later());
    session.recordProgress(
        new FieldReport(CardField.EXPIRY, 4, true, true, Optional.empty(), Optional.empty()),
        later());
    session.recordProgress(
        new FieldReport(CardField.SECURITY_CODE, 3, true, true, Optional.empty(), Optional.empty()),
        later());
  }

  private PaymentSession readySale(long amount) {
    PaymentSession session = sale(amount);
    session.secure(Optional.of("call-1@pbx"), later());
    captureCard(session);
    return session;
  }

  private PaymentTransaction process(PaymentSession session, PaymentOutcome outcome) {
    PaymentAttempt attempt = session.startProcessing(later());
    return session.recordOutcome(attempt, outcome, later());
  }

  @Test
  void becomesReady_onlyWhenEveryCardFieldIsCompleteAndValid() {
    // given
    PaymentSession session = sale(1050);
    session.secure(Optional.empty(), later());
    session.requestField(CardField.NUMBER, later());

    // when
    session.recordProgress(FieldReport.typing(CardField.NUMBER, 7), later());

    // then
    assertThat(session.state(), is(SessionState.SECURED));
    assertThat(session.status(), is(SessionStatus.IN_PROGRESS));
    assertThat(session.progress(CardField.NUMBER).digitCount(), is(7));
    assertThat(session.masked(CardField.NUMBER), is("*******"));

    // when
    captureCard(session);

    // then
    assertThat(session.state(), is(SessionState.READY));
    assertThat(session.masked(CardField.NUMBER), is("************4242"));
    assertThat(session.numberScheme(), is(Optional.of(CardScheme.VISA)));
  }

  @Test
  void refusesProcessing_beforeCardFieldsAreComplete_namingThem() {
    // given
    PaymentSession session = sale(1050);
    session.secure(Optional.empty(), later());
    session.requestField(CardField.NUMBER, later());
    session.recordProgress(
        new FieldReport(
            CardField.NUMBER, 16, true, true, Optional.of(CardScheme.VISA), Optional.of("4242")),
        later());

    // when
    FieldsIncompleteException error =
        assertThrows(FieldsIncompleteException.class, () -> session.startProcessing(later()));

    // then
    assertThat(error.incomplete(), contains(CardField.EXPIRY, CardField.SECURITY_CODE));
    assertThat(error.getMessage(), containsString("expiry, securityCode"));
    assertThat(session.state(), is(SessionState.SECURED));
  }

  @Test
  void refusesProcessing_ofUnsecuredSession_asFieldsIncomplete() {
    PaymentSession session = sale(1050);

    assertThrows(FieldsIncompleteException.class, () -> session.startProcessing(later()));
  }

  @Test
  void invalidField_keepsSessionFromReady_andResetClearsIt() {
    // given
    PaymentSession session = readySale(1050);

    // when
    session.requestField(CardField.EXPIRY, later());
    session.recordProgress(
        new FieldReport(CardField.EXPIRY, 4, true, false, Optional.empty(), Optional.empty()),
        later());

    // then
    assertThat(session.state(), is(SessionState.SECURED));
    assertThat(session.progress(CardField.EXPIRY).state(), is(CaptureState.INVALID));

    // when
    session.resetField(CardField.EXPIRY, later());

    // then
    assertThat(session.progress(CardField.EXPIRY).state(), is(CaptureState.NOT_REQUESTED));
    assertThat(session.progress(CardField.EXPIRY).digitCount(), is(0));
  }

  @Test
  void refusesProgress_forFieldNotRequested_andFieldRequests_beforeSecure() {
    // given
    PaymentSession session = sale(1050);

    // then
    assertThrows(
        IllegalSessionTransitionException.class,
        () -> session.requestField(CardField.NUMBER, later()));

    // when
    session.secure(Optional.empty(), later());

    // then
    assertThrows(
        IllegalSessionTransitionException.class,
        () -> session.recordProgress(FieldReport.typing(CardField.EXPIRY, 1), later()));
  }

  @Test
  void approvedSale_finishesSession_andStoresOnlyMaskedCardFacts() {
    // given
    PaymentSession session = readySale(1050);

    // when
    PaymentTransaction transaction = process(session, PaymentOutcome.approved("sbx_1", VISA));

    // then
    assertThat(session.state(), is(SessionState.APPROVED));
    assertThat(session.status(), is(SessionStatus.FINISHED));
    assertThat(transaction.outcome(), is(Outcome.APPROVED));
    assertThat(transaction.amount(), is(Money.of(1050, "GBP")));
    assertThat(transaction.pspReference(), is(Optional.of("sbx_1")));
    assertThat(transaction.card().orElseThrow().toString(), is("VISA 424242******4242"));
    assertThat(transaction.idempotencyKey(), is(session.id() + "-1"));
    assertThat(transaction.callReference(), is(Optional.of("call-1@pbx")));
    assertThat(session.lastTransactionId(), is(Optional.of(transaction.id())));
  }

  @Test
  void declinedSale_isError_thenRetryWithAnotherCardCapturesAnew() {
    // given
    PaymentSession session = readySale(1050);
    process(session, PaymentOutcome.declined("INSUFFICIENT_FUNDS", VISA));
    assertThat(session.status(), is(SessionStatus.ERROR));

    // when
    session.retryWithAnotherCard(later());

    // then
    assertThat(session.state(), is(SessionState.SECURED));
    assertThat(session.incompleteFields().size(), is(3));

    // when
    captureCard(session);
    PaymentTransaction second = process(session, PaymentOutcome.approved("sbx_2", VISA));

    // then
    assertThat(second.idempotencyKey(), is(session.id() + "-2"));
    assertThat(session.status(), is(SessionStatus.FINISHED));
  }

  @Test
  void unknownOutcome_meansDoNotResubmit_untilReconciled() {
    // given
    PaymentSession session = readySale(1050);

    // when
    PaymentTransaction transaction = process(session, PaymentOutcome.of(Outcome.UNKNOWN, VISA));

    // then
    assertThat(session.doNotResubmit(), is(true));
    assertThat(session.status(), is(SessionStatus.IN_PROGRESS));
    assertThrows(OutcomeUnknownException.class, () -> session.startProcessing(later()));
    assertThrows(OutcomeUnknownException.class, () -> session.retryWithAnotherCard(later()));
    assertThrows(
        OutcomeUnknownException.class,
        () -> session.newPayment(TransactionType.SALE, Money.of(1, "GBP"), later()));

    // when
    transaction.resolve(PaymentOutcome.approved("sbx_9", VISA), later());
    session.reconciled(transaction, later());

    // then
    assertThat(session.state(), is(SessionState.APPROVED));
    assertThat(session.status(), is(SessionStatus.FINISHED));
    assertThrows(
        NothingToReconcileException.class,
        () -> transaction.resolve(PaymentOutcome.approved("sbx_9", VISA), later()));
  }

  @Test
  void allowsThreeAdditionalPaymentsOnTheSameCard_andNoFourth() {
    // given
    PaymentSession session = readySale(1000);
    process(session, PaymentOutcome.approved("sbx_1", VISA));

    for (int i = 1; i <= PaymentSession.MAX_ADDITIONAL_PAYMENTS; i++) {
      // when
      session.additionalPayment(Money.of(100L * i, "GBP"), later());

      // then
      assertThat(session.state(), is(SessionState.READY));
      PaymentTransaction extra = process(session, PaymentOutcome.approved("sbx_x" + i, VISA));
      assertThat(extra.additional(), is(true));
      assertThat(extra.amount(), is(Money.of(100L * i, "GBP")));
    }

    // then
    assertThrows(
        AdditionalPaymentLimitException.class,
        () -> session.additionalPayment(Money.of(1, "GBP"), later()));
    assertThat(session.remaining(), is(Money.zero("GBP")));
  }

  @Test
  void refusesAdditionalPayment_afterDecline() {
    PaymentSession session = readySale(1000);
    process(session, PaymentOutcome.declined("DO_NOT_HONOUR", VISA));

    assertThrows(
        IllegalSessionTransitionException.class,
        () -> session.additionalPayment(Money.of(100, "GBP"), later()));
  }

  @Test
  void splitsAmountAcrossTwoCards() {
    // given
    PaymentSession session = readySale(1000);

    // when
    session.payPart(Money.of(600, "GBP"), later());
    PaymentTransaction first = process(session, PaymentOutcome.approved("sbx_1", VISA));

    // then
    assertThat(first.amount(), is(Money.of(600, "GBP")));
    assertThat(session.remaining(), is(Money.of(400, "GBP")));
    assertThat(session.status(), is(SessionStatus.IN_PROGRESS));

    // when
    session.retryWithAnotherCard(later());
    captureCard(session);
    PaymentTransaction second = process(session, PaymentOutcome.approved("sbx_2", VISA));

    // then
    assertThat(second.amount(), is(Money.of(400, "GBP")));
    assertThat(session.status(), is(SessionStatus.FINISHED));
  }

  @Test
  void refusesPartLargerThanRemainder() {
    PaymentSession session = readySale(1000);

    assertThrows(
        AmountExceedsRemainderException.class,
        () -> session.payPart(Money.of(1001, "GBP"), later()));
  }

  @Test
  void surchargeMustBeAccepted_andIsAddedToTheCharge() {
    // given: 1.5 % surcharge
    PaymentSession session =
        PaymentSession.open(
            new NewPaymentSession(
                SessionMode.AGENT_ASSIST,
                TransactionType.SALE,
                Money.of(1000, "GBP"),
                Optional.empty()),
            SessionPolicy.DEFAULT.withSurcharge(150),
            NOW);
    session.secure(Optional.empty(), later());
    captureCard(session);

    // then
    assertThat(session.surcharge(), is(Optional.of(Money.of(15, "GBP"))));
    assertThrows(SurchargeNotAcceptedException.class, () -> session.startProcessing(later()));
    assertThat(session.state(), is(SessionState.READY));

    // when
    session.acceptSurcharge(later());
    PaymentTransaction transaction = process(session, PaymentOutcome.approved("sbx_1", VISA));

    // then
    assertThat(transaction.amount(), is(Money.of(1015, "GBP")));
    assertThat(transaction.surcharge(), is(Money.of(15, "GBP")));
    assertThat(session.remaining(), is(Money.zero("GBP")));
  }

  @Test
  void newPaymentOnTheSameCall_startsAgainWithNewAmount() {
    // given
    PaymentSession session = readySale(1000);
    process(session, PaymentOutcome.approved("sbx_1", VISA));

    // when
    session.newPayment(TransactionType.AUTHORISE, Money.of(2500, "GBP"), later());

    // then
    assertThat(session.state(), is(SessionState.SECURED));
    assertThat(session.amount(), is(Money.of(2500, "GBP")));
    assertThat(session.status(), is(SessionStatus.IN_PROGRESS));
    assertThat(session.callReference(), is(Optional.of("call-1@pbx")));
  }

  @Test
  void cancelsAtAnyTimeBeforeTheEnd_thenRefusesEverything() {
    // given
    PaymentSession session = readySale(1000);

    // when
    session.cancel(later());

    // then
    assertThat(session.status(), is(SessionStatus.CANCELLED));
    assertThat(session.incompleteFields().size(), is(3));
    assertThrows(SessionAlreadyEndedException.class, () -> session.cancel(later()));
    assertThrows(
        SessionAlreadyEndedException.class, () -> session.requestField(CardField.NUMBER, later()));
    assertThrows(SessionAlreadyEndedException.class, () -> session.startProcessing(later()));
  }

  @Test
  void timesOutAfterFiveIdleMinutes_butNotBefore() {
    // given
    PaymentSession session = sale(1000);
    session.secure(Optional.empty(), NOW);

    // when
    boolean early = session.expireIfIdle(NOW.plus(Duration.ofMinutes(5)).minusSeconds(1));

    // then
    assertThat(early, is(false));
    SessionAlreadyEndedException error =
        assertThrows(
            SessionAlreadyEndedException.class,
            () -> session.requestField(CardField.NUMBER, NOW.plus(Duration.ofMinutes(5))));
    assertThat(error.getMessage(), containsString("TimeOut"));

    // when
    boolean expired = session.expireIfIdle(NOW.plus(Duration.ofMinutes(5)));

    // then
    assertThat(expired, is(true));
    assertThat(session.status(), is(SessionStatus.TIME_OUT));
  }

  @Test
  void idleAfterApproval_endsAsFinished_notTimeOut() {
    // given
    PaymentSession session = readySale(1000);
    process(session, PaymentOutcome.approved("sbx_1", VISA));

    // when
    session.expireIfIdle(clock.plus(Duration.ofMinutes(5)));

    // then
    assertThat(session.state(), is(SessionState.ENDED));
    assertThat(session.status(), is(SessionStatus.FINISHED));
    assertThat(session.cardOnFile(), is(false));
  }

  @Test
  void digitalLinkExpiresOnProviderSide_after72Hours() {
    // given
    PaymentSession session =
        PaymentSession.open(
            new NewPaymentSession(
                SessionMode.DIGITAL, TransactionType.SALE, Money.of(1, "EUR"), Optional.empty()),
            SessionPolicy.DEFAULT,
            NOW);

    // then: a link is not idle after five minutes
    assertThat(session.expireIfIdle(NOW.plus(Duration.ofHours(71))), is(false));

    // when
    session.expireIfIdle(NOW.plus(Duration.ofHours(72)));

    // then
    assertThat(session.status(), is(SessionStatus.EXPIRED_ON_PROVIDER_SIDE));
  }

  @Test
  void lostSecureState_dropsCapturedFields_andGoesBackToCreated() {
    // given
    PaymentSession session = readySale(1000);

    // when
    session.secureLost(later());

    // then
    assertThat(session.state(), is(SessionState.CREATED));
    assertThat(session.status(), is(SessionStatus.INITIAL));
    assertThat(session.numberLastFour(), is(Optional.empty()));
  }

  @Test
  void endRequiresAnOutcome_andEndsWithErrorWhenNothingWasApproved() {
    // given
    PaymentSession session = readySale(1000);

    // then
    assertThrows(IllegalSessionTransitionException.class, () -> session.end(later()));

    // when
    process(session, PaymentOutcome.of(Outcome.FAILED, VISA));
    session.end(later());

    // then
    assertThat(session.status(), is(SessionStatus.ERROR));
    assertThat(session.state().isEnded(), is(true));
  }

  @Test
  void refusesAgentFieldsThatLookLikeCardNumbers_orAreTooLong() {
    assertThrows(
        InvalidSessionInputException.class,
        () ->
            CustomerDetails.of(
                Optional.of("4242 4242 4242 4242"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThrows(
        InvalidSessionInputException.class,
        () ->
            CustomerDetails.of(
                Optional.of("x".repeat(101)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThrows(
        InvalidSessionInputException.class,
        () ->
            CustomerDetails.of(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("not-an-email")));
    assertThat(
        CustomerDetails.of(
                Optional.of(" Ada Lovelace "),
                Optional.of("12 St James's Square, London"),
                Optional.of("SW1Y 4JH"),
                Optional.of("ada@example.org"))
            .name(),
        is(Optional.of("Ada Lovelace")));
  }

  @Test
  void fieldReportRefusesLastFourOfIncompleteNumber_andDigitsBeyondLimit() {
    assertThrows(
        InvalidSessionInputException.class,
        () ->
            new FieldReport(
                CardField.NUMBER, 10, false, false, Optional.empty(), Optional.of("4242")));
    assertThrows(
        InvalidSessionInputException.class, () -> FieldReport.typing(CardField.SECURITY_CODE, 5));
  }

  @Test
  void paysAFreshSessionWithAToken_withoutCardFields() {
    // given
    PaymentSession session = sale(1200);

    // when
    PaymentAttempt attempt = session.startTokenPayment(later());
    PaymentTransaction transaction =
        session.recordOutcome(
            attempt,
            new PaymentOutcome(
                Outcome.APPROVED,
                Optional.empty(),
                Optional.of("sbx_7"),
                Optional.of("sbx_tok_3"),
                Optional.empty()),
            later());

    // then
    assertThat(attempt.amount(), is(Money.of(1200, "GBP")));
    assertThat(transaction.pspToken(), is(Optional.of("sbx_tok_3")));
    assertThat(session.status(), is(SessionStatus.FINISHED));
    assertThrows(
        IllegalSessionTransitionException.class, () -> readySale(1).startTokenPayment(later()));
  }
}
