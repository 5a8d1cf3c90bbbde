package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhook retries and dead-lettering in the running server, against a local receiver that fails on
 * purpose. The ITs run with a short back-off set through the ordinary settings (web-agent/pom.xml:
 * {@code TONEWALL_WEBHOOK_MAX_ATTEMPTS=4}, {@code TONEWALL_WEBHOOK_INITIAL_BACKOFF_SECONDS=1},
 * {@code TONEWALL_WEBHOOK_MAX_BACKOFF_SECONDS=2}; the dispatcher runs every 2 s).
 */
@ExtendWith(TonewallServer.class)
class WebhookRetryIT {

  private static final int MAX_ATTEMPTS = 4;

  private final URL base = TonewallServer.base();

  @Test
  void retriesWithBackOff_untilTheReceiverRecovers() throws Exception {
    ApiHttp api = new ApiHttp(base);
    String admin = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    AtomicInteger requests = new AtomicInteger();
    // given: a receiver that answers 500 twice, then 204
    try (WebhookReceiver receiver =
        new WebhookReceiver(() -> requests.incrementAndGet() <= 2 ? 500 : 204)) {
      WebhookSubscription subscription = WebhookSubscription.subscribe(api, admin, receiver);
      try {
        // when
        String session = openSession(api, admin);

        // then: three attempts of the same event, spaced by the back-off, the last delivered
        List<WebhookReceiver.Received> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          attempts.add(receiver.nextAbout(session, 30));
        }
        assertThat(attempts.get(0).answered(), is(500));
        assertThat(attempts.get(1).answered(), is(500));
        assertThat(attempts.get(2).answered(), is(204));
        for (WebhookReceiver.Received attempt : attempts) {
          assertThat(attempt.eventId(), is(attempts.get(0).eventId()));
          assertThat(attempt.body(), is(attempts.get(0).body()));
          subscription.assertSigned(attempt);
        }
        assertThat(ApiHttp.json(attempts.get(2).body()).getString("type"), is("session.created"));
        assertThat(gap(attempts.get(0), attempts.get(1)), greaterThanOrEqualTo(900L));
        assertThat(gap(attempts.get(1), attempts.get(2)), greaterThanOrEqualTo(1900L));
        JsonObject delivery =
            awaitState(api, admin, attempts.get(0).eventId(), subscription.id(), "DELIVERED");
        assertThat(delivery.getInt("attempts"), is(3));
        assertThat(receiver.quietAbout(session, 5), is(true));
      } finally {
        subscription.unsubscribe(api, admin);
      }
    }
  }

  @Test
  void deadLettersAfterTheConfiguredAttempts_andReplayDeliversOnceTheReceiverWorks()
      throws Exception {
    ApiHttp api = new ApiHttp(base);
    String admin = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    AtomicBoolean broken = new AtomicBoolean(true);
    // given: a receiver that always fails
    try (WebhookReceiver receiver = new WebhookReceiver(() -> broken.get() ? 503 : 204)) {
      WebhookSubscription subscription = WebhookSubscription.subscribe(api, admin, receiver);
      try {
        // when
        String session = openSession(api, admin);
        List<WebhookReceiver.Received> attempts = new ArrayList<>();
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
          attempts.add(receiver.nextAbout(session, 30));
        }

        // then: the configured attempts, no more, and the delivery is DEAD
        assertThat(receiver.quietAbout(session, 8), is(true));
        String eventId = attempts.get(0).eventId();
        JsonObject dead = awaitState(api, admin, eventId, subscription.id(), "DEAD");
        assertThat(dead.getInt("attempts"), is(MAX_ATTEMPTS));
        assertThat(
            dead.toString(),
            !dead.containsKey("nextAttemptAt") || dead.isNull("nextAttemptAt"),
            is(true));
        assertThat(dead.getString("lastOutcome"), containsString("503"));
        for (WebhookReceiver.Received attempt : attempts) {
          assertThat(attempt.eventId(), is(eventId));
          assertThat(attempt.answered(), is(503));
        }

        // when: the receiver works again and the delivery is replayed
        broken.set(false);
        HttpResponse<String> replay =
            api.post("api/v1/webhooks/deliveries/" + dead.getString("id") + "/replay", "", admin);

        // then
        assertThat(replay.statusCode(), is(202));
        WebhookReceiver.Received replayed = receiver.nextAbout(session, 30);
        assertThat(replayed.eventId(), is(eventId));
        assertThat(replayed.body(), is(attempts.get(0).body()));
        assertThat(replayed.answered(), is(204));
        subscription.assertSigned(replayed);
        JsonObject delivered = awaitState(api, admin, eventId, subscription.id(), "DELIVERED");
        assertThat(delivered.getString("id"), is(dead.getString("id")));
        assertThat(receiver.quietAbout(session, 5), is(true));
      } finally {
        subscription.unsubscribe(api, admin);
      }
    }
  }

  private static String openSession(ApiHttp api, String token) throws Exception {
    HttpResponse<String> created =
        api.post("api/v1/sessions", "{\"amount\":700,\"currency\":\"EUR\"}", token);
    assertThat(created.statusCode(), is(201));
    return ApiHttp.json(created.body()).getString("id");
  }

  private static JsonObject delivery(
      ApiHttp api, String token, String eventId, String subscriptionId) throws Exception {
    return ApiHttp.jsonArray(api.get("api/v1/webhooks/deliveries?size=100", token).body()).stream()
        .map(JsonValue::asJsonObject)
        .filter(d -> d.getString("eventId").equals(eventId))
        .filter(d -> d.getString("subscriptionId").equals(subscriptionId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no delivery of event " + eventId));
  }

  /** The delivery once it reaches {@code state} (the state is written after the HTTP answer). */
  private static JsonObject awaitState(
      ApiHttp api, String token, String eventId, String subscriptionId, String state)
      throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    JsonObject delivery = delivery(api, token, eventId, subscriptionId);
    while (!delivery.getString("state").equals(state) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      delivery = delivery(api, token, eventId, subscriptionId);
    }
    assertThat(delivery.getString("state"), is(state));
    return delivery;
  }

  private static long gap(WebhookReceiver.Received first, WebhookReceiver.Received second) {
    return Duration.between(first.at(), second.at()).toMillis();
  }
}
