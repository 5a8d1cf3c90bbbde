package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pairing code, call link and call end: how a session finds its call and loses it. */
class PaymentSessionPairingTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private static PaymentSession session(SessionMode mode) {
    return PaymentSession.open(
        new NewPaymentSession(mode, TransactionType.SALE, Money.of(1050, "GBP"), Optional.empty()),
        SessionPolicy.DEFAULT,
        NOW);
  }

  @Test
  void showsThePairingCode_untilTheAgentDialsIt_thenKnowsTheCall() {
    // given
    PaymentSession session = session(SessionMode.AGENT_ASSIST);
    session.assignPairingCode("482913", NOW);

    // when
    Optional<String> shown = session.pairingCode();
    session.callPaired("a84b4c76e66710@pc33.example.com", NOW.plusSeconds(5));

    // then
    assertThat(shown, is(Optional.of("482913")));
    assertThat(session.pairingCode(), is(Optional.empty()));
    assertThat(session.callReference(), is(Optional.of("a84b4c76e66710@pc33.example.com")));
    assertThat(session.state(), is(SessionState.CREATED));
  }

  @Test
  void securingTheCall_usesUpTheCode() {
    // given
    PaymentSession session = session(SessionMode.AGENT_ASSIST);
    session.assignPairingCode("482913", NOW);

    // when
    session.secure(Optional.of("call-1"), NOW);

    // then
    assertThat(session.pairingCode(), is(Optional.empty()));
    assertThat(session.state(), is(SessionState.SECURED));
  }

  @Test
  void refusesACode_thatIsNoDigits_orForASessionThatIsNotAgentAssisted() {
    // given
    PaymentSession agent = session(SessionMode.AGENT_ASSIST);
    PaymentSession digital = session(SessionMode.DIGITAL);

    // then
    assertThrows(InvalidSessionInputException.class, () -> agent.assignPairingCode("12ab", NOW));
    assertThrows(InvalidSessionInputException.class, () -> agent.assignPairingCode("123", NOW));
    assertThrows(
        InvalidSessionInputException.class, () -> digital.assignPairingCode("482913", NOW));
    assertThat(agent.pairingCode(), is(Optional.empty()));
  }

  @Test
  void refusesPairing_onceTheCallIsSecure() {
    // given
    PaymentSession session = session(SessionMode.AGENT_ASSIST);
    session.secure(Optional.of("call-1"), NOW);

    // then
    assertThrows(IllegalSessionTransitionException.class, () -> session.callPaired("call-2", NOW));
    assertThrows(
        IllegalSessionTransitionException.class, () -> session.assignPairingCode("482913", NOW));
    assertThat(session.callReference(), is(Optional.of("call-1")));
  }

  @Test
  void callEndingMidCapture_dropsTheFields_andWaitsForAnotherCall() {
    // given
    PaymentSession session = session(SessionMode.AGENT_ASSIST);
    session.secure(Optional.of("call-1"), NOW);
    session.requestField(CardField.NUMBER, NOW);
    session.recordProgress(FieldReport.typing(CardField.NUMBER, 7), NOW);

    // when
    session.callEnded(NOW.plusSeconds(1));

    // then
    assertThat(session.state(), is(SessionState.CREATED));
    assertThat(session.progress(CardField.NUMBER).state(), is(CaptureState.NOT_REQUESTED));
    assertThat(session.progress(CardField.NUMBER).digitCount(), is(0));
    assertThat(session.status(), is(SessionStatus.INITIAL));
  }

  @Test
  void cancelling_removesThePairingCode() {
    // given
    PaymentSession session = session(SessionMode.AGENT_ASSIST);
    session.assignPairingCode("482913", NOW);

    // when
    session.cancel(NOW);

    // then
    assertThat(session.pairingCode(), is(Optional.empty()));
  }
}
