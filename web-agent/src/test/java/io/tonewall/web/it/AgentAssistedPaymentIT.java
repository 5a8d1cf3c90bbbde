package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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
 * An agent-assisted payment end to end, nothing mocked: a session opened through the API, a SIPp
 * caller calling in through Tonewall (the telephony adapter) to a SIPp agent, the agent dialling
 * the session's pairing code on the call (the adapter's PAIRED event reaches the session through
 * the message-driven bean), the card fields requested through the API while the caller keys the
 * sandbox test card (number in-band, expiry and security code as RFC 4733 events), progress read as
 * counts and dots, the payment processed with the sandbox PSP and the signed webhooks received by a
 * local HTTP receiver. Then the card number is searched for — and must not be found — in every
 * response and webhook body, in the server's log file and (on PostgreSQL) in every text column of
 * every table. Also: hanging up mid-capture shows the break and leaves no digit behind.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AgentAssistedPaymentIT {

  /** The sandbox's approving Visa test card. */
  private static final String CARD = "4242424242424242";

  private static final int TONEWALL_SIP = Integer.getInteger("tonewall.it.sipPort");
  private static final int AGENT_SIP = Integer.getInteger("tonewall.it.agentSipPort");
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
  void payment_pairedByTheAgent_keyedByTheCaller_approved_andTheCardNumberIsNowhere()
      throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    try (WebhookReceiver receiver = new WebhookReceiver();
        SippPeers sipp = new SippPeers("payment-" + RUN)) {
      // given: a webhook subscription and a session waiting for its call
      JsonObject subscribed =
          ApiHttp.json(post("api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", 201));
      String secret = subscribed.getString("secret");
      JsonObject created =
          ApiHttp.json(
              post(
                  "api/v1/sessions",
                  "{\"amount\":1050,\"currency\":\"GBP\",\"merchantReference\":\"e2e-pay\"}",
                  201));
      String id = created.getString("id");
      String pairingCode = created.getString("pairingCode");
      assertThat(pairingCode, matchesPattern("[0-9]{6}"));
      assertThat(created.getString("state"), is("CREATED"));

      // when: the caller calls in, the agent answers and dials the pairing code
      Process agent = sipp.pairingAgent(AGENT_SIP, pairingCode);
      sipp.dtmfAudio(CARD + "#", 100, 100);
      Process caller = sipp.caller("caller_payment.xml", TONEWALL_SIP);
      JsonObject secured = awaitSession(id, s -> "SECURED".equals(s.getString("state")), 20);

      // then: the session is linked to the call and secure; its code is used up
      assertThat(secured.getString("status"), is("InProgress"));
      assertThat(secured.getString("callReference"), not(emptyString()));
      assertThat(absent(secured, "pairingCode"), is(true));

      // when: processing is asked for before the card is keyed
      HttpResponse<String> early = api.post("api/v1/sessions/" + id + "/process", "", token);
      bodies.add(early.body());

      // then: a problem document, nothing processed
      assertThat(early.statusCode(), is(409));
      assertThat(
          early.headers().firstValue("Content-Type").orElseThrow(),
          startsWith("application/problem+json"));
      assertThat(ApiHttp.json(early.body()).getString("type"), endsWith("/fields-incomplete"));

      // when: the card number is requested and keyed in-band
      post("api/v1/sessions/" + id + "/fields/number/request", "", 200);
      List<JsonObject> typing = new ArrayList<>();
      JsonObject number =
          awaitField(id, "number", f -> "COMPLETE".equals(f.getString("state")), 25, typing);

      // then: counts and dots while typing, brand and last four once complete
      assertThat(
          "the API showed the number while it was keyed",
          typing.stream()
              .filter(f -> f.getInt("digits") > 0 && f.getInt("digits") < 16)
              .filter(f -> f.getString("masked").equals("*".repeat(f.getInt("digits"))))
              .count(),
          greaterThan(0L));
      assertThat(number.getInt("digits"), is(16));
      assertThat(number.getString("masked"), is("************4242"));
      assertThat(number.getString("brand"), is("VISA"));

      // when: expiry and security code, as RFC 4733 events
      post("api/v1/sessions/" + id + "/fields/expiry/request", "", 200);
      JsonObject expiry =
          awaitField(id, "expiry", f -> "COMPLETE".equals(f.getString("state")), 15, null);
      post("api/v1/sessions/" + id + "/fields/securityCode/request", "", 200);
      JsonObject ready = awaitSession(id, s -> "READY".equals(s.getString("state")), 15);

      // then
      assertThat(expiry.getString("masked"), is("****"));
      assertThat(field(ready, "securityCode").getInt("digits"), is(3));

      // when: processed while the call goes on
      JsonObject processed = ApiHttp.json(post("api/v1/sessions/" + id + "/process", "", 200));

      // then: approved by the sandbox, masked facts only
      assertThat(processed.getString("status"), is("Finished"));
      JsonObject transaction = processed.getJsonArray("transactions").getJsonObject(0);
      assertThat(transaction.getString("outcome"), is("APPROVED"));
      assertThat(transaction.getString("brand"), is("VISA"));
      assertThat(transaction.getString("firstSix"), is("424242"));
      assertThat(transaction.getString("lastFour"), is("4242"));

      // when: an additional payment on the same card, while the call goes on, without re-keying
      post(
          "api/v1/sessions/" + id + "/additional-payments",
          "{\"amount\":250,\"currency\":\"GBP\"}",
          200);
      JsonObject additional = ApiHttp.json(post("api/v1/sessions/" + id + "/process", "", 200));

      // then
      assertThat(
          additional.getJsonArray("transactions").stream()
              .map(t -> t.asJsonObject().getString("outcome"))
              .toList(),
          is(List.of("APPROVED", "APPROVED")));
      assertThat(SippPeers.await(caller, 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(agent, 30), is(0));
      List<String> audited =
          ApiHttp.jsonArray(get("api/v1/audit/sessions/" + id)).stream()
              .map(e -> e.asJsonObject().getString("eventType"))
              .toList();
      assertThat(
          audited,
          hasItems(
              "session.created",
              "call.paired",
              "session.secured",
              "field.captured",
              "session.ready",
              "payment.approved",
              "payment.additional"));

      // then: every change of the session arrives as a signed webhook
      List<String> expected =
          List.of(
              "session.created",
              "call.paired",
              "session.secured",
              "field.progress",
              "field.captured",
              "session.ready",
              "payment.approved");
      List<String> types = new ArrayList<>();
      while (!types.containsAll(expected)) {
        WebhookReceiver.Received hook = receiver.next(30);
        assertSigned(hook, secret);
        bodies.add(hook.body());
        JsonObject event = ApiHttp.json(hook.body());
        if (event.getString("sessionId").equals(id)) {
          types.add(event.getString("type"));
        }
      }
      assertThat(types, hasItems(expected.toArray(String[]::new)));
      String subscription = subscribed.getString("id");
      assertThat(api.delete("api/v1/webhooks/" + subscription, token).statusCode(), is(204));
    }

    // then: the card number is nowhere
    assertNoCardNumber();
  }

  @Test
  void tokenise_storesTheKeyedCardAtThePspWithoutCharging_andTheTokenPaysLater() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String pspToken;
    try (SippPeers sipp = new SippPeers("tokenise-" + RUN)) {
      // given: a TOKENISE session (nothing to charge) paired with a call
      JsonObject created =
          ApiHttp.json(
              post(
                  "api/v1/sessions",
                  "{\"amount\":0,\"currency\":\"GBP\",\"transactionType\":\"TOKENISE\","
                      + "\"merchantReference\":\"e2e-tokenise\"}",
                  201));
      String id = created.getString("id");
      assertThat(created.getString("transactionType"), is("TOKENISE"));
      Process agent = sipp.pairingAgent(AGENT_SIP, created.getString("pairingCode"));
      sipp.dtmfAudio(CARD + "#", 100, 100);
      Process caller = sipp.caller("caller_payment.xml", TONEWALL_SIP);
      awaitSession(id, s -> "SECURED".equals(s.getString("state")), 20);

      // when: the caller keys number, expiry and security code, and the session is processed
      post("api/v1/sessions/" + id + "/fields/number/request", "", 200);
      awaitField(id, "number", f -> "COMPLETE".equals(f.getString("state")), 25, null);
      post("api/v1/sessions/" + id + "/fields/expiry/request", "", 200);
      awaitField(id, "expiry", f -> "COMPLETE".equals(f.getString("state")), 15, null);
      post("api/v1/sessions/" + id + "/fields/securityCode/request", "", 200);
      awaitSession(id, s -> "READY".equals(s.getString("state")), 15);
      JsonObject processed = ApiHttp.json(post("api/v1/sessions/" + id + "/process", "", 200));

      // then: a token and the card's masked facts, and nothing charged
      assertThat(processed.getString("status"), is("Finished"));
      JsonObject tokenised = processed.getJsonArray("transactions").getJsonObject(0);
      assertThat(tokenised.toString(), tokenised.getString("type"), is("TOKENISE"));
      assertThat(tokenised.getString("outcome"), is("APPROVED"));
      assertThat(tokenised.getJsonNumber("amount").longValue(), is(0L));
      assertThat(tokenised.getString("lastFour"), is("4242"));
      pspToken = tokenised.getString("pspToken");
      assertThat(pspToken, not(emptyString()));
      assertThat(pspToken, not(containsString("42424242")));
      assertThat(SippPeers.await(caller, 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(agent, 30), is(0));
    }

    // when: the integrator pays later with the token alone, no call and no card
    JsonObject paid =
        ApiHttp.json(
            post(
                "api/v1/token-payments",
                "{\"token\":\"" + pspToken + "\",\"amount\":1999,\"currency\":\"GBP\"}",
                201));

    // then
    JsonObject sale = paid.getJsonArray("transactions").getJsonObject(0);
    assertThat(sale.toString(), sale.getString("outcome"), is("APPROVED"));
    assertThat(sale.getString("type"), is("SALE"));
    assertThat(sale.getJsonNumber("amount").longValue(), is(1999L));
    assertNoCardNumber();
  }

  @Test
  void hangUpMidCapture_showsTheBreak_andLeavesNoDigit() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    try (SippPeers sipp = new SippPeers("hang-up-" + RUN)) {
      // given: a secured call whose caller starts keying the number
      JsonObject created =
          ApiHttp.json(post("api/v1/sessions", "{\"amount\":500,\"currency\":\"EUR\"}", 201));
      String id = created.getString("id");
      Process agent = sipp.pairingAgent(AGENT_SIP, created.getString("pairingCode"));
      Process caller = sipp.caller("caller_hangup.xml", TONEWALL_SIP);
      awaitSession(id, s -> "SECURED".equals(s.getString("state")), 20);
      post("api/v1/sessions/" + id + "/fields/number/request", "", 200);
      JsonObject typing = awaitField(id, "number", f -> f.getInt("digits") > 0, 15, null);

      // when: the caller hangs up mid-capture
      assertThat(SippPeers.await(caller, 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(agent, 30), is(0));
      JsonObject after =
          awaitSession(
              id, s -> "CREATED".equals(s.getString("state")) && !absent(s, "pairingCode"), 15);

      // then: grey again, no digit left, a new code for the next call; the break is audited
      assertThat(typing.getInt("digits"), greaterThan(0));
      JsonObject number = field(after, "number");
      assertThat(number.getString("state"), is("NOT_REQUESTED"));
      assertThat(number.getInt("digits"), is(0));
      assertThat(number.getString("masked"), is(""));
      assertThat(after.getString("pairingCode"), matchesPattern("[0-9]{6}"));
      List<JsonObject> audit =
          ApiHttp.jsonArray(get("api/v1/audit/sessions/" + id)).stream()
              .map(JsonValue::asJsonObject)
              .toList();
      assertThat(
          audit.stream()
              .filter(e -> e.getString("eventType").equals("session.secure_lost"))
              .map(e -> e.getString("detail"))
              .toList(),
          hasItem(matchesPattern(".*reason=HANG_UP.*")));
      assertThat(audit.stream().map(e -> e.getString("eventType")).toList(), hasItem("call.ended"));

      // then: the leak sentinel's evidence for the secure window the hang-up closed (the telephony
      // MDB's SECURE_WINDOW_CLOSED, which may come after CALL_ENDED): frames examined, none
      // suspicious, and no security incident on the session
      JsonObject window = awaitAuditEntry(id, "security.secure_window_closed", 15);
      assertThat(
          window.getString("detail"),
          matchesPattern(".*suspiciousFrames=0 framesExamined=[1-9][0-9]*.*"));
      assertThat(ApiHttp.json(get("api/v1/sessions/" + id)).getInt("securityIncidents"), is(0));

      // when: a field is requested on the session whose call has gone
      HttpResponse<String> refused =
          api.post("api/v1/sessions/" + id + "/fields/number/request", "", token);

      // then
      assertThat(refused.statusCode(), is(409));
      assertThat(ApiHttp.json(refused.body()).getString("type"), endsWith("/illegal-transition"));

      // when: securing the session's call again, which has gone
      HttpResponse<String> resecure = api.post("api/v1/sessions/" + id + "/secure", "{}", token);

      // then: a problem document naming the call; the session still waits for a call
      assertThat(resecure.statusCode(), is(409));
      assertThat(ApiHttp.json(resecure.body()).getString("type"), endsWith("/call-unavailable"));
      assertThat(
          ApiHttp.json(resecure.body()).getString("detail"),
          containsString("no live call has the call reference"));
      assertThat(ApiHttp.json(get("api/v1/sessions/" + id)).getString("state"), is("CREATED"));
    }
  }

  private void assertNoCardNumber() throws Exception {
    for (String body : bodies) {
      assertThat("a response or webhook body", body, not(containsString(CARD)));
    }
    assertThat("the server log", CardDigitsSearch.serverLog().indexOf(CARD), is(-1));
    String jdbcUrl = System.getProperty("tonewall.it.jdbcUrl");
    if (jdbcUrl != null) {
      // the search finds what is there: the first six, which may be stored
      assertThat(
          CardDigitsSearch.columnsHolding(jdbcUrl, "424242"),
          hasItem("payment_transaction.first_six"));
      assertThat(
          "text columns holding the card number",
          CardDigitsSearch.columnsHolding(jdbcUrl, CARD),
          is(List.of()));
    }
  }

  /** The session's first audit entry of {@code eventType}, waiting up to {@code seconds}. */
  private JsonObject awaitAuditEntry(String id, String eventType, int seconds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (true) {
      Optional<JsonObject> entry =
          ApiHttp.jsonArray(get("api/v1/audit/sessions/" + id)).stream()
              .map(JsonValue::asJsonObject)
              .filter(e -> e.getString("eventType").equals(eventType))
              .findFirst();
      if (entry.isPresent()) {
        return entry.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no audit entry " + eventType + " within " + seconds + " s");
      }
      Thread.sleep(200);
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
      Thread.sleep(100);
    }
    throw new AssertionError("session not as expected within " + seconds + " s: " + last);
  }

  /** Waits for a card field; {@code seen} (if given) collects every reading on the way. */
  private JsonObject awaitField(
      String id, String name, Predicate<JsonObject> condition, int seconds, List<JsonObject> seen)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    JsonObject last = null;
    while (Instant.now().isBefore(deadline)) {
      last = field(ApiHttp.json(get("api/v1/sessions/" + id)), name);
      if (seen != null) {
        seen.add(last);
      }
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(name + " not as expected within " + seconds + " s: " + last);
  }

  private static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }

  private static JsonObject field(JsonObject session, String name) {
    return session.getJsonArray("cardFields").stream()
        .map(JsonValue::asJsonObject)
        .filter(f -> f.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
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

  /** Verifies the signature header as a receiver would (web-agent/README.md). */
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
