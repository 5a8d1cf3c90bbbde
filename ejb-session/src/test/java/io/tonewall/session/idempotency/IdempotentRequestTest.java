package io.tonewall.session.idempotency;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotentRequestTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final RequestFingerprint CREATE =
      RequestFingerprint.of("POST", "v1/sessions", bytes("{\"amount\":1}"));

  @Test
  void answersInProgress_untilTheFirstRequestIsAnswered() {
    // given
    IdempotentRequest request = IdempotentRequest.begin("client", "key-1", CREATE, NOW);

    // when
    IdempotencyDecision decision = request.decide(CREATE);

    // then
    assertThat(decision, instanceOf(IdempotencyDecision.InProgress.class));
  }

  @Test
  void replaysTheStoredResponse_forTheSameRequest() {
    // given
    IdempotentRequest request = IdempotentRequest.begin("client", "key-1", CREATE, NOW);
    StoredResponse created =
        new StoredResponse(
            201,
            Optional.of("application/json"),
            Optional.of("http://x/api/v1/sessions/1"),
            Optional.of("{}"));
    request.complete(created);

    // when
    IdempotencyDecision decision = request.decide(CREATE);

    // then
    assertThat(decision, is(new IdempotencyDecision.Replay(created)));
  }

  @Test
  void refusesTheKey_forADifferentBodyOrPath() {
    // given
    IdempotentRequest request = IdempotentRequest.begin("client", "key-1", CREATE, NOW);

    // when
    IdempotencyDecision otherBody =
        request.decide(RequestFingerprint.of("POST", "v1/sessions", bytes("{\"amount\":2}")));
    IdempotencyDecision otherPath =
        request.decide(RequestFingerprint.of("POST", "v1/webhooks", bytes("{\"amount\":1}")));

    // then
    assertThat(otherBody, instanceOf(IdempotencyDecision.Mismatch.class));
    assertThat(otherPath, instanceOf(IdempotencyDecision.Mismatch.class));
  }

  @Test
  void expiresAfter24Hours() {
    // given
    IdempotentRequest request = IdempotentRequest.begin("client", "key-1", CREATE, NOW);

    // when / then
    assertThat(request.hasExpired(NOW.plus(Duration.ofHours(24)).minusSeconds(1)), is(false));
    assertThat(request.hasExpired(NOW.plus(Duration.ofHours(24))), is(true));
  }

  @Test
  void refusesKeysThatAreEmptyTooLongOrNotPrintable() {
    // when / then
    assertThrows(
        InvalidIdempotencyKeyException.class,
        () -> IdempotentRequest.begin("client", "", CREATE, NOW));
    assertThrows(
        InvalidIdempotencyKeyException.class,
        () -> IdempotentRequest.begin("client", "k".repeat(256), CREATE, NOW));
    assertThrows(
        InvalidIdempotencyKeyException.class,
        () -> IdempotentRequest.begin("client", "has space", CREATE, NOW));
  }

  @Test
  void refusesKeysHoldingACardNumber_withoutRepeatingIt() {
    // when
    InvalidIdempotencyKeyException refused =
        assertThrows(
            InvalidIdempotencyKeyException.class,
            () -> IdempotentRequest.begin("client", "order-4111111111111111", CREATE, NOW));

    // then
    assertThat(refused.getMessage().contains("4111"), is(false));
    assertThat(refused.getMessage().contains("card number"), is(true));
    assertThat(
        IdempotentRequest.begin("client", "order-4111111111111112", CREATE, NOW).key(),
        is("order-4111111111111112"));
  }

  @Test
  void fingerprintsDependOnEveryPart() {
    // when / then
    assertThat(
        RequestFingerprint.of("POST", "v1/a", bytes("x")),
        is(not(RequestFingerprint.of("POST", "v1/a", bytes("y")))));
    assertThat(
        RequestFingerprint.of("POST", "v1/a", bytes("x")),
        is(RequestFingerprint.of("POST", "v1/a", bytes("x"))));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
