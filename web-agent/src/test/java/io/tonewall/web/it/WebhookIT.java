package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed webhooks from the transactional outbox to a local HTTP receiver: a session created and
 * cancelled through the API, each change delivered with a valid {@code Tonewall-Signature}, then
 * replayed on request.
 */
@ExtendWith(TonewallServer.class)
class WebhookIT {

  private final URL base = TonewallServer.base();

  @Test
  void deliversSignedWebhooks_forSessionChanges_andReplaysOnRequest() throws Exception {
    ApiHttp api = new ApiHttp(base);
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      // given
      String token = api.token(ApiHttp.OTHER_CLIENT, ApiHttp.OTHER_SECRET);
      String admin = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
      // it-other has no webhooks:manage; the bootstrap client subscribes for itself
      WebhookSubscription subscription = WebhookSubscription.subscribe(api, admin, receiver);
      String secret = subscription.secret();
      assertThat(secret, matchesPattern("whsec_[A-Za-z0-9_-]{43}"));
      assertThat(api.get("api/v1/webhooks", admin).body(), not(containsString(secret)));
      assertThat(api.get("api/v1/webhooks", token).statusCode(), is(403));

      // when
      String id =
          ApiHttp.json(
                  api.post("api/v1/sessions", "{\"amount\":700,\"currency\":\"EUR\"}", admin)
                      .body())
              .getString("id");
      api.post("api/v1/sessions/" + id + "/cancel", "", admin);

      // then
      WebhookReceiver.Received created = receiver.next(30);
      WebhookReceiver.Received cancelled = receiver.next(30);
      subscription.assertSigned(created);
      subscription.assertSigned(cancelled);
      JsonObject createdEvent = ApiHttp.json(created.body());
      JsonObject cancelledEvent = ApiHttp.json(cancelled.body());
      assertThat(createdEvent.getString("type"), is("session.created"));
      assertThat(createdEvent.getString("sessionId"), is(id));
      assertThat(createdEvent.getString("status"), is("Initial"));
      assertThat(cancelledEvent.getString("type"), is("session.cancelled"));
      assertThat(cancelledEvent.getString("status"), is("Cancelled"));
      assertThat(cancelledEvent.getString("previousStatus"), is("Initial"));
      assertThat(cancelled.eventId(), is(cancelledEvent.getString("id")));

      // when: the delivery of the cancellation is replayed
      String deliveryId =
          ApiHttp.jsonArray(api.get("api/v1/webhooks/deliveries", admin).body()).stream()
              .map(value -> value.asJsonObject())
              .filter(d -> d.getString("eventId").equals(cancelledEvent.getString("id")))
              .findFirst()
              .orElseThrow()
              .getString("id");
      HttpResponse<String> replay =
          api.post("api/v1/webhooks/deliveries/" + deliveryId + "/replay", "", admin);

      // then
      assertThat(replay.statusCode(), is(202));
      WebhookReceiver.Received again = receiver.next(30);
      assertThat(again.eventId(), is(cancelled.eventId()));
      subscription.assertSigned(again);

      // when: unsubscribed
      String subscriptionId = subscription.id();
      HttpResponse<String> removed = subscription.unsubscribe(api, admin);

      // then
      assertThat(removed.statusCode(), is(204));
      assertThat(api.get("api/v1/webhooks", admin).body(), not(containsString(subscriptionId)));
    }
  }

  @Test
  void refusesSubscriptions_toUrlsThatAreNotHttp() throws Exception {
    // given
    ApiHttp api = new ApiHttp(base);
    String admin = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);

    // when
    HttpResponse<String> refused =
        api.post("api/v1/webhooks", "{\"url\":\"ftp://example.com/hook\"}", admin);

    // then
    assertThat(refused.statusCode(), is(400));
    assertThat(ApiHttp.json(refused.body()).getString("detail"), containsString("http"));
  }
}
