package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook subscription of the webhook ITs, made through the API for a {@link WebhookReceiver}:
 * its id, and the secret every delivery must be signed with.
 */
record WebhookSubscription(String id, String secret) {

  /** Subscribes {@code receiver} with {@code token}'s client; the API must answer 201. */
  static WebhookSubscription subscribe(ApiHttp api, String token, WebhookReceiver receiver)
      throws Exception {
    HttpResponse<String> subscribed =
        api.post("api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", token);
    assertThat(subscribed.body(), subscribed.statusCode(), is(201));
    JsonObject body = ApiHttp.json(subscribed.body());
    return new WebhookSubscription(body.getString("id"), body.getString("secret"));
  }

  /** Unsubscribes; the API's answer. */
  HttpResponse<String> unsubscribe(ApiHttp api, String token) throws Exception {
    return api.delete("api/v1/webhooks/" + id, token);
  }

  /**
   * Verifies {@code received}'s {@code Tonewall-Signature} as a receiver would
   * (web-agent/README.md): {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body" keyed with the
   * secret>}, t within 5 minutes.
   */
  void assertSigned(WebhookReceiver.Received received) throws Exception {
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
