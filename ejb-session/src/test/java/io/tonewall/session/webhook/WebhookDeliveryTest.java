package io.tonewall.session.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.session.application.SessionChanged;
import io.tonewall.session.domain.SessionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final RetrySchedule THREE_ATTEMPTS =
      new RetrySchedule(3, Duration.ofSeconds(30), Duration.ofHours(1));

  @Test
  void isPendingAndDueAtOnce_whenWritten() {
    // when
    WebhookDelivery delivery = newDelivery();

    // then
    assertThat(delivery.state(), is(DeliveryState.PENDING));
    assertThat(delivery.attempts(), is(0));
    assertThat(delivery.nextAttemptAt(), is(Optional.of(NOW)));
  }

  @Test
  void isDelivered_whenTheReceiverAnswers2xx() {
    // given
    WebhookDelivery delivery = newDelivery();

    // when
    delivery.succeeded(NOW.plusSeconds(1), "HTTP 204");

    // then
    assertThat(delivery.state(), is(DeliveryState.DELIVERED));
    assertThat(delivery.attempts(), is(1));
    assertThat(delivery.nextAttemptAt(), is(Optional.empty()));
    assertThat(delivery.lastOutcome(), is(Optional.of("HTTP 204")));
  }

  @Test
  void backsOff_thenDeadLetters_afterTheLastAttemptFails() {
    // given
    WebhookDelivery delivery = newDelivery();

    // when
    delivery.failed(NOW, "HTTP 500", THREE_ATTEMPTS);
    Optional<Instant> afterFirst = delivery.nextAttemptAt();
    delivery.failed(NOW, "HTTP 500", THREE_ATTEMPTS);
    Optional<Instant> afterSecond = delivery.nextAttemptAt();
    delivery.failed(NOW, "ConnectException: refused", THREE_ATTEMPTS);

    // then
    assertThat(afterFirst, is(Optional.of(NOW.plusSeconds(30))));
    assertThat(afterSecond, is(Optional.of(NOW.plusSeconds(60))));
    assertThat(delivery.state(), is(DeliveryState.DEAD));
    assertThat(delivery.attempts(), is(3));
    assertThat(delivery.nextAttemptAt(), is(Optional.empty()));
  }

  @Test
  void refusesAttempts_onceDeliveredOrDead() {
    // given
    WebhookDelivery delivered = newDelivery();
    delivered.succeeded(NOW, "HTTP 200");
    WebhookDelivery dead = newDelivery();
    for (int i = 0; i < 3; i++) {
      dead.failed(NOW, "HTTP 500", THREE_ATTEMPTS);
    }

    // when / then
    assertThrows(
        DeliveryNotPendingException.class, () -> delivered.failed(NOW, "late", THREE_ATTEMPTS));
    assertThrows(DeliveryNotPendingException.class, () -> dead.succeeded(NOW, "late"));
  }

  @Test
  void replayMakesADeadDeliveryPendingAgain_withFreshAttempts() {
    // given
    WebhookDelivery delivery = newDelivery();
    for (int i = 0; i < 3; i++) {
      delivery.failed(NOW, "HTTP 500", THREE_ATTEMPTS);
    }
    Instant later = NOW.plus(Duration.ofDays(1));

    // when
    delivery.replay(later);

    // then
    assertThat(delivery.state(), is(DeliveryState.PENDING));
    assertThat(delivery.attempts(), is(0));
    assertThat(delivery.nextAttemptAt(), is(Optional.of(later)));
  }

  @Test
  void carriesOnlyIdsStatusesAndTimes() {
    // given
    SessionChanged change =
        new SessionChanged(
            UUID.fromString("3f0b8c1e-0000-4000-8000-000000000001"),
            Optional.of("client-a"),
            SessionStatus.INITIAL,
            SessionStatus.CANCELLED,
            "session.cancelled",
            NOW);

    // when
    WebhookEvent event = WebhookEvent.of(change);

    // then
    assertThat(
        event.json(),
        is(
            "{\"id\":\""
                + event.id()
                + "\",\"type\":\"session.cancelled\","
                + "\"sessionId\":\"3f0b8c1e-0000-4000-8000-000000000001\","
                + "\"status\":\"Cancelled\",\"previousStatus\":\"Initial\","
                + "\"occurredAt\":\"2026-11-22T10:00:00Z\"}"));
    assertThat(event.json(), not(containsString("client-a")));
  }

  private static WebhookDelivery newDelivery() {
    return WebhookDelivery.pending(
        "subscription-1", new WebhookEvent("event-1", "session.created", "{}"), NOW);
  }
}
