package io.tonewall.session.application;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.CardFacts;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CardScheme;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.FieldReport;
import io.tonewall.session.domain.IvrOptions;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.PaymentOutcome;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.domain.SessionPolicy;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The end of an IVR caller's transfer back ({@link SessionTransitions#ivrTransferEnded}): one audit
 * entry {@code ivr.transfer} with the outcome and the SIP status, on a session that has already
 * ended, whose state stays as it was.
 */
class SessionTransitionsIvrTransferTest {

  private static final Instant NOW = Instant.parse("2026-11-23T14:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(40);
  private static final String CALL = "ivr-call-7";

  /** What the journal was asked to write: type, then detail. */
  private final List<String> written = new ArrayList<>();

  private final PaymentSession session = finishedIvrSale();

  @Test
  void recordsAnAcceptedTransfer_onAFinishedSession_withoutChangingIt() throws Exception {
    // when
    SessionView view =
        transitions().ivrTransferEnded(session.id(), CALL, "ACCEPTED", OptionalInt.of(200));

    // then
    assertThat(written, contains("ivr.transfer: call=ivr-call-7 outcome=ACCEPTED sipStatus=200"));
    assertThat(view.status(), is(SessionStatus.FINISHED));
    assertThat(view.state(), is(SessionState.ENDED));
    assertThat(session.state(), is(SessionState.ENDED));
    assertThat(session.updatedAt(), is(NOW));
  }

  @Test
  void recordsADeclinedTransfer_andOneWithoutStatus() throws Exception {
    // given
    SessionTransitions transitions = transitions();

    // when
    transitions.ivrTransferEnded(session.id(), CALL, "DECLINED", OptionalInt.of(603));
    transitions.ivrTransferEnded(session.id(), CALL, "NO_ANSWER", OptionalInt.empty());

    // then
    assertThat(
        written,
        contains(
            "ivr.transfer: call=ivr-call-7 outcome=DECLINED sipStatus=603",
            "ivr.transfer: call=ivr-call-7 outcome=NO_ANSWER"));
  }

  @Test
  void refusesAnUnknownSession_recordingNothing() throws Exception {
    // given
    SessionTransitions transitions = transitions();
    UUID unknown = UUID.randomUUID();
    Executable transfer =
        () -> transitions.ivrTransferEnded(unknown, CALL, "ACCEPTED", OptionalInt.of(200));

    // when
    assertThrows(SessionNotFoundException.class, transfer);

    // then
    assertThat(written.isEmpty(), is(true));
  }

  /** An IVR sale with TRANSFER_BACK, card captured, approved and ended: {@code Finished}. */
  private static PaymentSession finishedIvrSale() {
    PaymentSession session =
        PaymentSession.open(
            new NewPaymentSession(
                SessionMode.IVR,
                TransactionType.SALE,
                Money.of(1275, "GBP"),
                Optional.of("order-7"),
                CustomerDetails.none(),
                Optional.empty(),
                Optional.empty(),
                Optional.of("client-1"),
                Optional.of(new IvrOptions("en", AfterIvr.TRANSFER_BACK)),
                false),
            SessionPolicy.DEFAULT,
            NOW);
    session.callPaired(CALL, NOW);
    session.secure(Optional.empty(), NOW);
    for (CardField field : CardField.values()) {
      session.requestField(field, NOW);
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
    session.recordOutcome(
        session.startProcessing(NOW),
        PaymentOutcome.approved(
            "sbx_7", Optional.of(new CardFacts(CardScheme.VISA, "424242", "4242"))),
        NOW);
    session.end(NOW);
    return session;
  }

  private SessionTransitions transitions() throws Exception {
    SessionTransitions transitions = new SessionTransitions();
    inject(
        transitions,
        "sessions",
        new JpaPaymentSessionRepository() {
          @Override
          public Optional<PaymentSession> find(UUID id) {
            return id.equals(session.id()) ? Optional.of(session) : Optional.empty();
          }
        });
    inject(
        transitions,
        "journal",
        new SessionJournal() {
          @Override
          public void record(
              PaymentSession changed, SessionStatus before, String eventType, String detail) {
            written.add(eventType + ": " + detail);
          }
        });
    inject(transitions, "clock", Clock.fixed(LATER, ZoneOffset.UTC));
    return transitions;
  }

  private static void inject(Object target, String name, Object value) throws Exception {
    Field field = SessionTransitions.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(target, value);
  }
}
