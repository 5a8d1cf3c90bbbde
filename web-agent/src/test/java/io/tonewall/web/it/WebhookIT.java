package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signed webhooks from the transactional outbox to a local HTTP receiver: a session created and
 * cancelled through the API, each change delivered with a valid {@code Tonewall-Signature}, then
 * replayed on request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookIT {

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive tonewall() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("tonewall.war")));
  }

  @Test
  void deliversSignedWebhooks_forSessionChanges_andReplaysOnRequest() throws Exception {
    ApiHttp api = new ApiHttp(base);
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      // given
      String token = api.token(ApiHttp.OTHER_CLIENT, ApiHttp.OTHER_SECRET);
      String admin = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
      // it-other has no webhooks:manage; the bootstrap client subscribes for itself
      HttpResponse<String> subscribed =
          api.post("api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", admin);
      assertThat(subscribed.statusCode(), is(201));
      String secret = ApiHttp.json(subscribed.body()).getString("secret");
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
      assertSigned(created, secret);
      assertSigned(cancelled, secret);
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
      assertSigned(again, secret);

      // when: unsubscribed
      String subscriptionId = ApiHttp.json(subscribed.body()).getString("id");
      HttpResponse<String> removed = api.delete("api/v1/webhooks/" + subscriptionId, admin);

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

  /** Verifies the header as a receiver would, per web-agent/README.md. */
  private static void assertSigned(WebhookReceiver.Received received, String secret)
      throws Exception {
    assertThat(received.signature(), matchesPattern("t=[0-9]+,v1=[0-9a-f]{64}"));
    String t = received.signature().replaceAll("^t=([0-9]+),v1=.*$", "$1");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of().formatHex(mac.doFinal((t + "." + received.body()).getBytes(UTF_8)));
    assertThat(received.signature(), is("t=" + t + ",v1=" + expected));
    assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) < 300, is(true));
  }
}
