package io.tonewall.web.it;

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
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
 *
 * <p>Runs on H2 and on PostgreSQL: it is the call-driven write path (telephony events through the
 * message-driven bean racing the API's polls: optimistic versions, the audit chain's pessimistic
 * lock, transactions, outbox), which the databases lock differently. {@link IvrPaymentIT}, {@link
 * SecurityIncidentIT} and {@link ConsolePaymentIT} make the same writes and run on PostgreSQL only.
 */
@ExtendWith(TonewallServer.class)
class AgentAssistedPaymentIT {

  /** The sandbox's approving Visa test card. */
  private static final String CARD = "4242424242424242";

  private final URL base = TonewallServer.base();

  /** The API as this test's client; it keeps every body answered. */
  private CallTestApi api;

  @Test
  void payment_pairedByTheAgent_keyedByTheCaller_approved_andTheCardNumberIsNowhere()
      throws Exception {
    api = new CallTestApi(base);
    try (WebhookReceiver receiver = new WebhookReceiver();
        SippPeers sipp = CallTestApi.peers("payment")) {
      // given: a webhook subscription and a session waiting for its call
      JsonObject subscribed =
          ApiHttp.json(api.post("api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", 201));
      WebhookSubscription subscription =
          new WebhookSubscription(subscribed.getString("id"), subscribed.getString("secret"));
      JsonObject created =
          api.createSession(
              "{\"amount\":1050,\"currency\":\"GBP\",\"merchantReference\":\"e2e-pay\"}");
      String id = created.getString("id");
      String pairingCode = created.getString("pairingCode");
      assertThat(pairingCode, matchesPattern("[0-9]{6}"));
      assertThat(created.getString("state"), is("CREATED"));

      // when: the caller calls in, the agent answers and dials the pairing code
      sipp.dtmfAudio(CARD + "#", 100, 100);
      CallTestApi.PairedCall call = api.pairedCall(sipp, created, "caller_payment.xml");
      JsonObject secured = call.secured();

      // then: the session is linked to the call and secure; its code is used up
      assertThat(secured.getString("status"), is("InProgress"));
      assertThat(secured.getString("callReference"), not(emptyString()));
      assertThat(CallTestApi.absent(secured, "pairingCode"), is(true));

      // when: processing is asked for before the card is keyed
      HttpResponse<String> early =
          api.http().post("api/v1/sessions/" + id + "/process", "", api.token());
      api.bodies().add(early.body());

      // then: a problem document, nothing processed
      assertThat(early.statusCode(), is(409));
      assertThat(
          early.headers().firstValue("Content-Type").orElseThrow(),
          startsWith("application/problem+json"));
      assertThat(ApiHttp.json(early.body()).getString("type"), endsWith("/fields-incomplete"));

      // when: the card number is requested and keyed in-band
      api.post("api/v1/sessions/" + id + "/fields/number/request", "", 200);
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
      api.post("api/v1/sessions/" + id + "/fields/expiry/request", "", 200);
      JsonObject expiry =
          awaitField(id, "expiry", f -> "COMPLETE".equals(f.getString("state")), 15, null);
      api.post("api/v1/sessions/" + id + "/fields/securityCode/request", "", 200);
      JsonObject ready = api.awaitSession(id, s -> "READY".equals(s.getString("state")), 15);

      // then
      assertThat(expiry.getString("masked"), is("****"));
      assertThat(field(ready, "securityCode").getInt("digits"), is(3));

      // when: processed while the call goes on
      JsonObject processed = ApiHttp.json(api.post("api/v1/sessions/" + id + "/process", "", 200));

      // then: approved by the sandbox, masked facts only
      assertThat(processed.getString("status"), is("Finished"));
      JsonObject transaction = processed.getJsonArray("transactions").getJsonObject(0);
      assertThat(transaction.getString("outcome"), is("APPROVED"));
      assertThat(transaction.getString("brand"), is("VISA"));
      assertThat(transaction.getString("firstSix"), is("424242"));
      assertThat(transaction.getString("lastFour"), is("4242"));

      // when: an additional payment on the same card, while the call goes on, without re-keying
      api.post(
          "api/v1/sessions/" + id + "/additional-payments",
          "{\"amount\":250,\"currency\":\"GBP\"}",
          200);
      JsonObject additional = ApiHttp.json(api.post("api/v1/sessions/" + id + "/process", "", 200));

      // then
      assertThat(
          additional.getJsonArray("transactions").stream()
              .map(t -> t.asJsonObject().getString("outcome"))
              .toList(),
          is(List.of("APPROVED", "APPROVED")));
      assertThat(SippPeers.await(call.caller(), 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(call.agent(), 30), is(0));
      List<String> audited = api.audit(id).stream().map(e -> e.getString("eventType")).toList();
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
        subscription.assertSigned(hook);
        api.bodies().add(hook.body());
        JsonObject event = ApiHttp.json(hook.body());
        if (event.getString("sessionId").equals(id)) {
          types.add(event.getString("type"));
        }
      }
      assertThat(types, hasItems(expected.toArray(String[]::new)));
      assertThat(subscription.unsubscribe(api.http(), api.token()).statusCode(), is(204));
    }

    // then: the card number is nowhere
    assertNoCardNumber();
  }

  @Test
  void tokenise_storesTheKeyedCardAtThePspWithoutCharging_andTheTokenPaysLater() throws Exception {
    api = new CallTestApi(base);
    String pspToken;
    try (SippPeers sipp = CallTestApi.peers("tokenise")) {
      // given: a TOKENISE session (nothing to charge) paired with a call
      JsonObject created =
          api.createSession(
              "{\"amount\":0,\"currency\":\"GBP\",\"transactionType\":\"TOKENISE\","
                  + "\"merchantReference\":\"e2e-tokenise\"}");
      String id = created.getString("id");
      assertThat(created.getString("transactionType"), is("TOKENISE"));
      sipp.dtmfAudio(CARD + "#", 100, 100);
      CallTestApi.PairedCall call = api.pairedCall(sipp, created, "caller_payment.xml");

      // when: the caller keys number, expiry and security code, and the session is processed
      api.post("api/v1/sessions/" + id + "/fields/number/request", "", 200);
      awaitField(id, "number", f -> "COMPLETE".equals(f.getString("state")), 25, null);
      api.post("api/v1/sessions/" + id + "/fields/expiry/request", "", 200);
      awaitField(id, "expiry", f -> "COMPLETE".equals(f.getString("state")), 15, null);
      api.post("api/v1/sessions/" + id + "/fields/securityCode/request", "", 200);
      api.awaitSession(id, s -> "READY".equals(s.getString("state")), 15);
      JsonObject processed = ApiHttp.json(api.post("api/v1/sessions/" + id + "/process", "", 200));

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
      assertThat(SippPeers.await(call.caller(), 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(call.agent(), 30), is(0));
    }

    // when: the integrator pays later with the token alone, no call and no card
    JsonObject paid =
        ApiHttp.json(
            api.post(
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
    api = new CallTestApi(base);
    try (SippPeers sipp = CallTestApi.peers("hang-up")) {
      // given: a secured call whose caller starts keying the number
      JsonObject created = api.createSession("{\"amount\":500,\"currency\":\"EUR\"}");
      String id = created.getString("id");
      CallTestApi.PairedCall call = api.pairedCall(sipp, created, "caller_hangup.xml");
      api.post("api/v1/sessions/" + id + "/fields/number/request", "", 200);
      JsonObject typing = awaitField(id, "number", f -> f.getInt("digits") > 0, 15, null);

      // when: the caller hangs up mid-capture
      assertThat(SippPeers.await(call.caller(), 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(call.agent(), 30), is(0));
      JsonObject after =
          api.awaitSession(
              id,
              s -> "CREATED".equals(s.getString("state")) && !CallTestApi.absent(s, "pairingCode"),
              15);

      // then: grey again, no digit left, a new code for the next call; the break is audited
      assertThat(typing.getInt("digits"), greaterThan(0));
      JsonObject number = field(after, "number");
      assertThat(number.getString("state"), is("NOT_REQUESTED"));
      assertThat(number.getInt("digits"), is(0));
      assertThat(number.getString("masked"), is(""));
      assertThat(after.getString("pairingCode"), matchesPattern("[0-9]{6}"));
      List<JsonObject> audit = api.audit(id);
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
      JsonObject window = api.awaitAuditEntry(id, "security.secure_window_closed", 15);
      assertThat(
          window.getString("detail"),
          matchesPattern(".*suspiciousFrames=0 framesExamined=[1-9][0-9]*.*"));
      assertThat(api.session(id).getInt("securityIncidents"), is(0));

      // when: a field is requested on the session whose call has gone
      HttpResponse<String> refused =
          api.http().post("api/v1/sessions/" + id + "/fields/number/request", "", api.token());

      // then
      assertThat(refused.statusCode(), is(409));
      assertThat(ApiHttp.json(refused.body()).getString("type"), endsWith("/illegal-transition"));

      // when: securing the session's call again, which has gone
      HttpResponse<String> resecure =
          api.http().post("api/v1/sessions/" + id + "/secure", "{}", api.token());

      // then: a problem document naming the call; the session still waits for a call
      assertThat(resecure.statusCode(), is(409));
      assertThat(ApiHttp.json(resecure.body()).getString("type"), endsWith("/call-unavailable"));
      assertThat(
          ApiHttp.json(resecure.body()).getString("detail"),
          containsString("no live call has the call reference"));
      assertThat(api.session(id).getString("state"), is("CREATED"));
    }
  }

  private void assertNoCardNumber() throws Exception {
    for (String body : api.bodies()) {
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

  /** Waits for a card field; {@code seen} (if given) collects every reading on the way. */
  private JsonObject awaitField(
      String id, String name, Predicate<JsonObject> condition, int seconds, List<JsonObject> seen)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    JsonObject last = null;
    while (Instant.now().isBefore(deadline)) {
      last = field(api.session(id), name);
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

  private static JsonObject field(JsonObject session, String name) {
    return session.getJsonArray("cardFields").stream()
        .map(JsonValue::asJsonObject)
        .filter(f -> f.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }
}
