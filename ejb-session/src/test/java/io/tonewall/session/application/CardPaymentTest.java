package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.PaymentCard;
import io.tonewall.session.domain.CardFacts;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.FieldsIncompleteException;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentAttempt;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.TransactionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardPaymentTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  /** A capture that holds a test card for every session, as the keypad capture would. */
  private static final class KeypadDouble implements CardCapture {
    final List<String> calls = new ArrayList<>();
    final List<PaymentCard> handedOver = new ArrayList<>();

    @Override
    public boolean serves(SessionMode mode) {
      return mode == SessionMode.AGENT_ASSIST;
    }

    @Override
    public Optional<String> allocatePairingCode(UUID sessionId) {
      calls.add("pairing code");
      return Optional.of("123456");
    }

    @Override
    public Optional<String> secure(CaptureTarget target) {
      calls.add("secure");
      return target.callReference();
    }

    @Override
    public void request(CaptureTarget target, CardFieldSpec spec) {
      calls.add("request " + spec.field().apiName() + " max " + spec.maxDigits());
    }

    @Override
    public void reset(CaptureTarget target, CardField field) {
      calls.add("reset " + field.apiName());
    }

    @Override
    public <T> T handOver(CaptureTarget target, CardUse<T> use) {
      calls.add("hand over on " + target.callReference().orElse("-"));
      try (PaymentCard card =
          PaymentCard.of(
              "4242424242424242".toCharArray(), "1230".toCharArray(), "123".toCharArray())) {
        handedOver.add(card);
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
  }

  private final KeypadDouble keypad = new KeypadDouble();
  private final CardCaptures captures = new CardCaptures(List.of(keypad));

  private PaymentSession readySession() {
    PaymentSession session =
        PaymentSession.open(
            SessionMode.AGENT_ASSIST,
            TransactionType.SALE,
            Money.of(1050, "GBP"),
            Optional.empty(),
            NOW);
    session.secure(Optional.of("call-9"), NOW);
    FieldCapture fields = new FieldCapture(captures);
    for (CardField field : CardField.values()) {
      fields.request(session, field, NOW);
    }
    session.recordProgress(
        new FieldReport(
            CardField.NUMBER, 16, true, true, Optional.of(CardScheme.VISA), Optional.of("4242")),
        NOW);
    session.recordProgress(
        new FieldReport(CardField.EXPIRY, 4, true, true, Optional.empty(), Optional.empty()), NOW);
    session.recordProgress(
        new FieldReport(CardField.SECURITY_CODE, 3, true, true, Optional.empty(), Optional.empty()),
        NOW);
    return session;
  }

  @Test
  void requestsEachFieldFromTheCapture_withItsDigitLimit() {
    // when
    readySession();

    // then
    assertThat(
        keypad.calls,
        contains("request number max 19", "request expiry max 4", "request securityCode max 4"));
  }

  @Test
  void sendsTheHandedOverCard_recordsMaskedFacts_andTheCardIsWipedAfterwards() {
    // given
    PaymentSession session = readySession();
    List<PaymentAttempt> sent = new ArrayList<>();
    CardPayment payment =
        new CardPayment(
            captures,
            (attempt, card) -> {
              sent.add(attempt);
              assertThat(card.isWiped(), is(false));
              return PaymentOutcome.approved(
                  "sbx_1",
                  Optional.of(new CardFacts(CardScheme.VISA, card.firstSix(), card.lastFour())));
            });

    // when
    PaymentTransaction transaction = payment.process(session, NOW);

    // then
    assertThat(sent.get(0).amount(), is(Money.of(1050, "GBP")));
    assertThat(sent.get(0).idempotencyKey(), is(session.id() + "-1"));
    assertThat(transaction.outcome(), is(Outcome.APPROVED));
    assertThat(transaction.card().orElseThrow().toString(), is("VISA 424242******4242"));
    assertThat(keypad.handedOver.get(0).isWiped(), is(true));
    assertThat(keypad.calls, hasItem("hand over on call-9"));
    assertThat(session.state(), is(SessionState.APPROVED));
  }

  @Test
  void neverAsksForTheCard_whenFieldsAreIncomplete() {
    // given
    PaymentSession session =
        PaymentSession.open(
            SessionMode.AGENT_ASSIST,
            TransactionType.SALE,
            Money.of(1050, "GBP"),
            Optional.empty(),
            NOW);
    session.secure(Optional.empty(), NOW);
    CardPayment payment =
        new CardPayment(
            captures,
            (attempt, card) -> {
              throw new AssertionError("nothing may be sent");
            });

    // when
    assertThrows(FieldsIncompleteException.class, () -> payment.process(session, NOW));

    // then
    assertThat(keypad.handedOver, is(empty()));
  }

  @Test
  void refusesProcessing_whenNoCaptureServesTheMode_beforeSendingAnything() {
    // given
    PaymentSession session = readySession();
    CardPayment payment =
        new CardPayment(
            new CardCaptures(List.of()),
            (attempt, card) -> {
              throw new AssertionError("nothing may be sent");
            });

    // then
    assertThrows(CardCaptureUnavailableException.class, () -> payment.process(session, NOW));
  }

  @Test
  void resetTellsTheCapture_andClearsTheField() {
    // given
    PaymentSession session = readySession();

    // when
    new FieldCapture(captures).reset(session, CardField.SECURITY_CODE, NOW);

    // then
    assertThat(keypad.calls.get(keypad.calls.size() - 1), is("reset securityCode"));
    assertThat(session.state(), is(SessionState.SECURED));
    assertThat(session.incompleteFields(), contains(CardField.SECURITY_CODE));
  }
}
