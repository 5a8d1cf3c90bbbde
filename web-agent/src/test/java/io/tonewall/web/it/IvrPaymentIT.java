package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An IVR payment end to end, nothing mocked and no agent: a session opened through the API with
 * {@code mode: IVR}; a SIPp caller calls Tonewall's IVR number, is answered by the IVR itself, keys
 * the session's link id, then the sandbox test card, expiry and security code as the IVR asks for
 * them (the telephony events drive the session through the message-driven bean: no API call during
 * the call); the sandbox approves, the IVR announces it and Tonewall hangs up (the caller's
 * scenario fails unless Tonewall sends the BYE). The webhooks follow every step; the card number is
 * found in no response, webhook, log line or (on PostgreSQL) text column.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IvrPaymentIT {

  /** The sandbox's approving Visa test card. */
  private static final String CARD = "4242424242424242";

  private static final int TONEWALL_SIP = Integer.getInteger("tonewall.it.sipPort");
  private static final String RUN = System.getProperty("tonewall.it.database", "h2");

  @ArquillianResource private URL base;

  /** Every body the API and the webhooks sent to this test. */
  private final List<String> bodies = new ArrayList<>();

  private ApiHttp api;
  private String token;

  @Deployment(testable = false)
  static WebArchive tonewall() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("tonewall.war")));
  }

  @Test
  void ivrPayment_linkedByTheCaller_keyed_approved_announced_andTheCardNumberIsNowhere()
      throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String id;
    try (WebhookReceiver receiver = new WebhookReceiver();
        SippPeers sipp = new SippPeers("ivr-" + RUN)) {
      // given: a webhook subscription and an IVR session waiting for its caller
      JsonObject subscribed =
          ApiHttp.json(post("api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", 201));
      JsonObject created =
          ApiHttp.json(
              post(
                  "api/v1/sessions",
                  "{\"mode\":\"IVR\",\"amount\":1275,\"currency\":\"GBP\",\"language\":\"en\","
                      + "\"afterIvr\":\"HANG_UP\",\"merchantReference\":\"e2e-ivr\"}",
                  201));
      id = created.getString("id");
      JsonObject ivr = created.getJsonObject("ivr");
      String linkId = ivr.getString("linkId");
      assertThat(linkId, matchesPattern("[0-9]{4,16}"));
      assertThat(ivr.getString("transferNumber"), startsWith("sip:pay@"));

      // when: the caller is transferred to the IVR and keys the link id, then the card
      Process caller = sipp.ivrCaller(TONEWALL_SIP, linkId, CARD);
      JsonObject secured = awaitSession(id, s -> !"CREATED".equals(s.getString("state")), 20);

      // then: linked; the link id is used up
      assertThat(secured.getString("callReference"), not(""));
      assertThat(absent(secured.getJsonObject("ivr"), "linkId"), is(true));

      // when: the IVR collects the fields, processes, announces and hangs up
      JsonObject ended = awaitSession(id, s -> "ENDED".equals(s.getString("state")), 60);
      int callerExit = SippPeers.await(caller, 60);

      // then: approved by the sandbox, and the call was ended by Tonewall (the caller got the BYE)
      assertThat(ended.getString("status"), is("Finished"));
      JsonObject transaction = ended.getJsonArray("transactions").getJsonObject(0);
      assertThat(transaction.getString("outcome"), is("APPROVED"));
      assertThat(transaction.getString("lastFour"), is("4242"));
      assertThat(transaction.getJsonNumber("amount").longValue(), is(1275L));
      assertThat(sipp.log("caller"), callerExit, is(0));
      List<JsonObject> audit =
          ApiHttp.jsonArray(get("api/v1/audit/sessions/" + id)).stream()
              .map(JsonValue::asJsonObject)
              .toList();
      assertThat(
          audit.stream().map(e -> e.getString("eventType")).toList(),
          hasItems(
              "session.created",
              "ivr.linked",
              "call.paired",
              "session.secured",
              "field.requested",
              "field.captured",
              "session.ready",
              "payment.approved",
              "ivr.announced",
              "session.ended"));
      assertThat(
          audit.stream()
              .filter(e -> e.getString("eventType").equals("ivr.announced"))
              .map(e -> e.getString("detail"))
              .toList(),
          hasItem(endsWith("announcement=PAYMENT_APPROVED then=HANG_UP")));

      // then: every change arrived as a webhook
      List<String> expected =
          List.of("session.created", "call.paired", "field.captured", "payment.approved");
      List<String> types = new ArrayList<>();
      while (!types.containsAll(expected) || !types.contains("session.ended")) {
        WebhookReceiver.Received hook = receiver.next(30);
        bodies.add(hook.body());
        JsonObject event = ApiHttp.json(hook.body());
        if (event.getString("sessionId").equals(id)) {
          types.add(event.getString("type"));
        }
      }
      assertThat(types, hasItems(expected.toArray(String[]::new)));
      assertThat(
          api.delete("api/v1/webhooks/" + subscribed.getString("id"), token).statusCode(), is(204));
    }

    // then: the card number is nowhere
    for (String body : bodies) {
      assertThat("a response or webhook body", body, not(containsString(CARD)));
    }
    assertThat("the server log", CardDigitsSearch.serverLog().indexOf(CARD), is(-1));
    String jdbcUrl = System.getProperty("tonewall.it.jdbcUrl");
    if (jdbcUrl != null) {
      assertThat(
          "text columns holding the card number",
          CardDigitsSearch.columnsHolding(jdbcUrl, CARD),
          is(List.of()));
    }
  }

  @Test
  void cancelledDuringTheCall_theCallerIsToldAndTonewallHangsUp() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    try (SippPeers sipp = new SippPeers("ivr-cancelled-" + RUN)) {
      // given: an IVR session whose caller has keyed the link id
      JsonObject created =
          ApiHttp.json(
              post(
                  "api/v1/sessions",
                  "{\"mode\":\"IVR\",\"amount\":500,\"currency\":\"EUR\","
                      + "\"afterIvr\":\"HANG_UP\"}",
                  201));
      String id = created.getString("id");
      Process caller =
          sipp.ivrCaller(
              "caller_ivr_cancelled.xml",
              TONEWALL_SIP,
              created.getJsonObject("ivr").getString("linkId"),
              "");
      awaitSession(id, s -> "SECURED".equals(s.getString("state")), 20);

      // when
      JsonObject cancelled = ApiHttp.json(post("api/v1/sessions/" + id + "/cancel", "", 200));

      // then: cancelled; the caller hears it and Tonewall ends the call
      assertThat(cancelled.getString("status"), is("Cancelled"));
      assertThat(sipp.log("caller"), SippPeers.await(caller, 60), is(0));
      List<String> details =
          ApiHttp.jsonArray(get("api/v1/audit/sessions/" + id)).stream()
              .map(JsonValue::asJsonObject)
              .filter(e -> e.getString("eventType").equals("session.cancelled"))
              .map(e -> e.getString("detail"))
              .toList();
      assertThat(details, hasItem(containsString("announcement=SESSION_CANCELLED then=HANG_UP")));
    }
  }

  private JsonObject awaitSession(String id, Predicate<JsonObject> condition, int seconds)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    JsonObject last = null;
    while (Instant.now().isBefore(deadline)) {
      last = ApiHttp.json(get("api/v1/sessions/" + id));
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("session not as expected within " + seconds + " s: " + last);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = api.get(path, token);
    bodies.add(response.body());
    assertThat(path + ": " + response.body(), response.statusCode(), is(200));
    return response.body();
  }

  private String post(String path, String body, int expected) throws Exception {
    HttpResponse<String> response = api.post(path, body, token);
    bodies.add(response.body());
    assertThat(path + ": " + response.body(), response.statusCode(), is(expected));
    return response.body();
  }

  private static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }
}
