package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentSessionTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void opensInInitialStatus() {
    // when
    PaymentSession session =
        PaymentSession.open(
            SessionMode.AGENT_ASSIST,
            TransactionType.SALE,
            Money.of(1050, "GBP"),
            Optional.of(" order-1 "),
            NOW);

    // then
    assertThat(session.status(), is(SessionStatus.INITIAL));
    assertThat(session.status().publicName(), is("Initial"));
    assertThat(session.merchantReference(), is(Optional.of("order-1")));
    assertThat(session.createdAt(), is(NOW));
  }

  @Test
  void countsSuspectedLeaks_evenAfterTheSessionEnded_withoutCountingThemAsActivity() {
    // given
    PaymentSession session =
        PaymentSession.open(
            SessionMode.AGENT_ASSIST,
            TransactionType.SALE,
            Money.of(1050, "GBP"),
            Optional.empty(),
            NOW);
    Instant lastActivity = session.updatedAt();

    // when
    session.leakSuspected();
    session.cancel(NOW.plusSeconds(5));
    session.leakSuspected();

    // then
    assertThat(session.securityIncidents(), is(2));
    assertThat(session.status(), is(SessionStatus.CANCELLED));
    assertThat(lastActivity, is(NOW));
  }

  @Test
  void rejectsTokenisationWithAnAmount() {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PaymentSession.open(
                    SessionMode.IVR,
                    TransactionType.TOKENISE,
                    Money.of(1, "GBP"),
                    Optional.empty(),
                    NOW));
    assertThat(error.getMessage(), containsString("amount must be 0"));
  }

  @Test
  void rejectsSaleWithoutAnAmount() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PaymentSession.open(
                SessionMode.AGENT_ASSIST,
                TransactionType.SALE,
                Money.of(0, "GBP"),
                Optional.empty(),
                NOW));
  }

  @Test
  void rejectsOverlongOrUnprintableReference() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PaymentSession.open(
                SessionMode.AGENT_ASSIST,
                TransactionType.SALE,
                Money.of(1, "GBP"),
                Optional.of("x".repeat(65)),
                NOW));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PaymentSession.open(
                SessionMode.AGENT_ASSIST,
                TransactionType.SALE,
                Money.of(1, "GBP"),
                Optional.of("line\nbreak"),
                NOW));
  }

  @Test
  void cancelsOnce_thenRefuses() {
    // given
    PaymentSession session =
        PaymentSession.open(
            SessionMode.AGENT_ASSIST,
            TransactionType.SALE,
            Money.of(1050, "GBP"),
            Optional.empty(),
            NOW);

    // when
    session.cancel(NOW.plusSeconds(5));

    // then
    assertThat(session.status(), is(SessionStatus.CANCELLED));
    assertThat(session.updatedAt(), is(NOW.plusSeconds(5)));
    assertThrows(SessionAlreadyEndedException.class, () -> session.cancel(NOW.plusSeconds(6)));
  }
}
