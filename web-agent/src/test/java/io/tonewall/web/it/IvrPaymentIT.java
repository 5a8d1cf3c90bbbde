package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * IVR payments end to end, nothing mocked and no agent: a session opened through the API with
 * {@code mode: IVR}; a SIPp caller calls Tonewall's IVR number, is answered by the IVR itself, keys
 * the session's link id, then the card fields as the IVR asks for them (the telephony events drive
 * the session through the message-driven bean: no API call during the call). The happy path: the
 * sandbox approves, the IVR announces it and Tonewall hangs up (the caller's scenario fails unless
 * Tonewall sends the BYE); the webhooks follow every step; the card number is found in no response,
 * webhook, log line or (on PostgreSQL) text column. The failure paths: three card numbers failing
 * the Luhn check (too many attempts: the session is cancelled, Tonewall hangs up, the numbers are
 * nowhere either), a session cancelled during the call, and {@code afterIvr: TRANSFER_BACK} with a
 * REFER the caller accepts or declines (the outcome then audited as {@code ivr.transfer} on the
 * finished session).
 *
 * <p>Runs on PostgreSQL only (tag {@code database-incidental}, web-agent/pom.xml): what it adds is
 * the IVR (prompts, field collection, announcement, Tonewall's BYE and REFER) driving a session
 * from telephony events; the call-driven session writes, the payment and the webhooks go through
 * the same message-driven bean and JPA code as {@link AgentAssistedPaymentIT}'s, which runs on both
 * databases.
 */
@Tag("database-incidental")
@ExtendWith(TonewallServer.class)
class IvrPaymentIT {

  /** The sandbox's approving Visa test card. */
  private static final String CARD = "4242424242424242";

  /** Three 16-digit numbers failing the Luhn check (so no sandbox test card): one per attempt. */
  private static final List<String> INVALID_NUMBERS =
      List.of("4716302958174620", "5398217604452913", "4024890137765581");

  /** Where TRANSFER_BACK refers the caller: the agent URI (web-agent/pom.xml), no ivrReturnUri. */
  private static final String RETURN_URI = "sip:agent@127.0.0.1:" + CallTestApi.AGENT_SIP;

  private final URL base = TonewallServer.base();

  /** An IVR session whose caller has keyed its link id: the caller's SIPp process still runs. */
  private record LinkedCall(String id, Process caller, JsonObject linked) {}

  @Test
  void ivrPayment_linkedByTheCaller_keyed_approved_announced_andTheCardNumberIsNowhere()
      throws Exception {
    CallTestApi api = new CallTestApi(base);
    List<String> bodies = api.bodies();
    try (WebhookReceiver receiver = new WebhookReceiver();
        SippPeers sipp = CallTestApi.peers("ivr")) {
      WebhookSubscription subscription =
          WebhookSubscription.subscribe(api.http(), api.token(), receiver);
      try {
        // given: a webhook subscription and an IVR session waiting for its caller
        // when: the caller is transferred to the IVR and keys the link id, then the card
        LinkedCall call =
            linkedCall(api, sipp, "HANG_UP", "caller_ivr.xml", Map.of("CARD_NUMBER", CARD));

        // when: the IVR collects the fields, processes, announces and hangs up
        JsonObject ended =
            api.awaitSession(call.id(), s -> "ENDED".equals(s.getString("state")), 60);
        int callerExit = SippPeers.await(call.caller(), 60);

        // then: approved by the sandbox, and the call was ended by Tonewall (the caller got the
        // BYE)
        assertApproved(ended);
        assertThat(sipp.log("caller"), callerExit, is(0));
        List<JsonObject> audit = api.audit(call.id());
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
            details(audit, "ivr.announced"),
            hasItem(endsWith("announcement=PAYMENT_APPROVED then=HANG_UP")));

        // then: every change arrived as a webhook
        awaitWebhooks(
            receiver,
            call.id(),
            List.of(
                "session.created",
                "call.paired",
                "field.captured",
                "payment.approved",
                "session.ended"),
            bodies);
      } finally {
        subscription.unsubscribe(api.http(), api.token());
      }
    }

    // then: the card number is nowhere
    assertNowhere(bodies, List.of(CARD));
  }

  @Test
  void threeCardNumbersFailingLuhn_tooManyAttempts_tonewallHangsUp_cancelled_numbersNowhere()
      throws Exception {
    CallTestApi api = new CallTestApi(base);
    List<String> bodies = api.bodies();
    try (WebhookReceiver receiver = new WebhookReceiver();
        SippPeers sipp = CallTestApi.peers("ivr-invalid")) {
      WebhookSubscription subscription =
          WebhookSubscription.subscribe(api.http(), api.token(), receiver);
      try {
        // given: an IVR session whose caller has keyed the link id
        LinkedCall call =
            linkedCall(
                api,
                sipp,
                "HANG_UP",
                "caller_ivr_invalid_cards.xml",
                Map.of(
                    "FIRST_NUMBER", INVALID_NUMBERS.get(0),
                    "SECOND_NUMBER", INVALID_NUMBERS.get(1),
                    "THIRD_NUMBER", INVALID_NUMBERS.get(2)));

        // when: the caller keys three numbers failing the Luhn check, each when asked again
        JsonObject cancelled =
            api.awaitSession(call.id(), s -> "CANCELLED".equals(s.getString("state")), 60);
        int callerExit = SippPeers.await(call.caller(), 60);

        // then: cancelled after the third attempt, nothing charged, and Tonewall hung up
        assertThat(cancelled.getString("status"), is("Cancelled"));
        assertThat(cancelled.getJsonArray("transactions"), is(empty()));
        assertThat(sipp.log("caller"), callerExit, is(0));
        List<JsonObject> audit = api.audit(call.id());
        assertThat(
            details(audit, "field.requested"),
            contains(
                endsWith("field=number by=ivr attempt=1/3"),
                endsWith("field=number by=ivr attempt=2/3"),
                endsWith("field=number by=ivr attempt=3/3")));
        assertThat(details(audit, "field.captured"), hasSize(3));
        assertThat(
            details(audit, "field.captured"),
            everyItem(containsString("field=number result=INVALID digits=16")));
        assertThat(
            details(audit, "ivr.announced"),
            contains(endsWith("announcement=TOO_MANY_ATTEMPTS then=HANG_UP")));
        assertThat(
            details(audit, "session.cancelled"),
            contains(endsWith("the caller failed the card field number 3 times")));
        assertThat(
            audit.stream().map(e -> e.getString("eventType")).toList(),
            everyItem(not(startsWith("payment."))));

        // then: the webhooks followed, up to the cancellation
        awaitWebhooks(
            receiver,
            call.id(),
            List.of("session.created", "call.paired", "field.captured", "session.cancelled"),
            bodies);
      } finally {
        subscription.unsubscribe(api.http(), api.token());
      }
    }

    // then: none of the numbers keyed is anywhere
    assertNowhere(bodies, INVALID_NUMBERS);
  }

  @Test
  void cancelledDuringTheCall_theCallerIsToldAndTonewallHangsUp() throws Exception {
    CallTestApi api = new CallTestApi(base);
    try (SippPeers sipp = CallTestApi.peers("ivr-cancelled")) {
      // given: an IVR session whose caller has keyed the link id
      LinkedCall call = linkedCall(api, sipp, "HANG_UP", "caller_ivr_cancelled.xml", Map.of());
      assertThat(call.linked().getString("state"), is("SECURED"));

      // when
      JsonObject cancelled =
          ApiHttp.json(api.post("api/v1/sessions/" + call.id() + "/cancel", "", 200));

      // then: cancelled; the caller hears it and Tonewall ends the call
      assertThat(cancelled.getString("status"), is("Cancelled"));
      assertThat(sipp.log("caller"), SippPeers.await(call.caller(), 60), is(0));
      assertThat(
          details(api.audit(call.id()), "session.cancelled"),
          hasItem(containsString("announcement=SESSION_CANCELLED then=HANG_UP")));
    }
  }

  @Test
  void transferBack_theCallerIsReferredBackAfterTheOutcome_andTonewallHangsUpOnTheNotify()
      throws Exception {
    CallTestApi api = new CallTestApi(base);
    try (SippPeers sipp = CallTestApi.peers("ivr-transfer-back")) {
      // given: an IVR session that transfers its caller back, the caller linked
      // when: the card is keyed and approved; the caller accepts the REFER (202) and reports the
      // transfer done (NOTIFY, sipfrag 200 OK)
      LinkedCall call =
          linkedCall(
              api, sipp, "TRANSFER_BACK", "caller_ivr_transfer_back.xml", transferPlaceholders());
      JsonObject ended = api.awaitSession(call.id(), s -> "ENDED".equals(s.getString("state")), 60);
      int callerExit = SippPeers.await(call.caller(), 60);

      // then: the REFER pointed at the return URI and Tonewall hung up after the NOTIFY (the
      // scenario checks both: exit 0); the finished session's audit trail holds the transfer's
      // outcome, and it is still Finished
      assertApproved(ended);
      assertThat(sipp.log("caller"), callerExit, is(0));
      assertThat(
          details(api.audit(call.id()), "ivr.announced"),
          contains(endsWith("announcement=PAYMENT_APPROVED then=TRANSFER_BACK")));
      assertTransferAudited(
          api, call, "status=Finished state=ENDED call=%s outcome=ACCEPTED sipStatus=200");
      assertThat(
          CardDigitsSearch.serverLog(),
          not(containsString(referRefused(call.linked().getString("callReference")))));
    }
  }

  @Test
  void transferBackDeclined_tonewallHangsUpAtOnce() throws Exception {
    CallTestApi api = new CallTestApi(base);
    try (SippPeers sipp = CallTestApi.peers("ivr-transfer-declined")) {
      // given: an IVR session that transfers its caller back, the caller linked
      // when: the card is keyed and approved; the caller refuses the REFER with 603
      LinkedCall call =
          linkedCall(
              api,
              sipp,
              "TRANSFER_BACK",
              "caller_ivr_transfer_declined.xml",
              transferPlaceholders());
      JsonObject ended = api.awaitSession(call.id(), s -> "ENDED".equals(s.getString("state")), 60);
      int callerExit = SippPeers.await(call.caller(), 60);

      // then: Tonewall hung up on the refusal (the scenario waits for its BYE right after the 603);
      // the finished session's audit trail holds the refusal, and it is still Finished
      assertApproved(ended);
      assertThat(sipp.log("caller"), callerExit, is(0));
      assertThat(
          details(api.audit(call.id()), "ivr.announced"),
          contains(endsWith("announcement=PAYMENT_APPROVED then=TRANSFER_BACK")));
      assertTransferAudited(
          api, call, "status=Finished state=ENDED call=%s outcome=DECLINED sipStatus=603");
      awaitServerLog(referRefused(call.linked().getString("callReference")) + "603", 10);
    }
  }

  /**
   * Opens an IVR session of 12.75 GBP in English that ends with {@code afterIvr}, starts a caller
   * running {@code scenario} with its link id and {@code placeholders} written in, and returns once
   * the caller has linked the call (within 20 s): the link id is then used up.
   */
  private static LinkedCall linkedCall(
      CallTestApi api,
      SippPeers sipp,
      String afterIvr,
      String scenario,
      Map<String, String> placeholders)
      throws Exception {
    JsonObject created =
        api.createSession(
            "{\"mode\":\"IVR\",\"amount\":1275,\"currency\":\"GBP\",\"language\":\"en\","
                + "\"afterIvr\":\""
                + afterIvr
                + "\",\"merchantReference\":\"e2e-ivr\"}");
    String id = created.getString("id");
    JsonObject ivr = created.getJsonObject("ivr");
    String linkId = ivr.getString("linkId");
    assertThat(linkId, matchesPattern("[0-9]{4,16}"));
    assertThat(ivr.getString("transferNumber"), startsWith("sip:pay@"));
    Map<String, String> written = new HashMap<>(placeholders);
    written.put("LINK_ID", linkId);
    Process caller = sipp.ivrCaller(scenario, CallTestApi.TONEWALL_SIP, written);
    JsonObject linked = api.awaitSession(id, s -> !"CREATED".equals(s.getString("state")), 20);
    assertThat(linked.getString("callReference"), not(""));
    assertThat(CallTestApi.absent(linked.getJsonObject("ivr"), "linkId"), is(true));
    return new LinkedCall(id, caller, linked);
  }

  /**
   * The transfer-back callers' card, and the Refer-To they insist on (a POSIX regular expression:
   * SIPp's).
   */
  private static Map<String, String> transferPlaceholders() {
    return Map.of("CARD_NUMBER", CARD, "RETURN_URI", RETURN_URI.replace(".", "\\."));
  }

  /** The sandbox approved the whole 12.75 with the test card. */
  private static void assertApproved(JsonObject ended) {
    assertThat(ended.getString("status"), is("Finished"));
    JsonObject transaction = ended.getJsonArray("transactions").getJsonObject(0);
    assertThat(transaction.getString("outcome"), is("APPROVED"));
    assertThat(transaction.getString("lastFour"), is("4242"));
    assertThat(transaction.getJsonNumber("amount").longValue(), is(1275L));
  }

  /**
   * The call's transfer back is audited once ({@code ivr.transfer}, within 20 s), with {@code
   * detail} (its {@code %s} the call's reference), after the announcement; the session did not
   * move.
   */
  private static void assertTransferAudited(CallTestApi api, LinkedCall call, String detail)
      throws Exception {
    String callReference = call.linked().getString("callReference");
    api.awaitAuditEntry(call.id(), "ivr.transfer", 20);
    List<JsonObject> audit = api.audit(call.id());
    List<String> types = audit.stream().map(e -> e.getString("eventType")).toList();
    assertThat(details(audit, "ivr.transfer"), contains(String.format(detail, callReference)));
    assertThat(
        types.toString(),
        types.indexOf("ivr.transfer"),
        greaterThan(types.indexOf("ivr.announced")));
    JsonObject after = api.session(call.id());
    assertThat(after.getString("status"), is("Finished"));
    assertThat(after.getString("state"), is("ENDED"));
  }

  /** The details of {@code audit}'s entries of {@code eventType}, oldest first. */
  private static List<String> details(List<JsonObject> audit, String eventType) {
    return audit.stream()
        .filter(e -> e.getString("eventType").equals(eventType))
        .map(e -> e.getString("detail"))
        .toList();
  }

  /**
   * Reads webhooks until each type of {@code expected} has arrived for session {@code id}, in any
   * order; fails when none arrives for 30 s. Every body read goes to {@code bodies}.
   */
  private static void awaitWebhooks(
      WebhookReceiver receiver, String id, List<String> expected, List<String> bodies)
      throws Exception {
    List<String> types = new ArrayList<>();
    while (!types.containsAll(expected)) {
      WebhookReceiver.Received hook = receiver.next(30);
      bodies.add(hook.body());
      JsonObject event = ApiHttp.json(hook.body());
      if (event.getString("sessionId").equals(id)) {
        types.add(event.getString("type"));
      }
    }
  }

  /** None of {@code numbers} is in {@code bodies}, the server log or a text column (PostgreSQL). */
  private static void assertNowhere(List<String> bodies, List<String> numbers) throws Exception {
    String log = CardDigitsSearch.serverLog();
    Optional<String> jdbcUrl = CardDigitsSearch.jdbcUrl();
    for (String number : numbers) {
      for (String body : bodies) {
        assertThat("a response or webhook body", body.contains(number), is(false));
      }
      assertThat("the server log", log.indexOf(number), is(-1));
      if (jdbcUrl.isPresent()) {
        assertThat(
            "text columns holding a card number",
            CardDigitsSearch.columnsHolding(jdbcUrl.get(), number),
            is(List.of()));
      }
    }
  }

  /** The start of IvrUas's log line when the caller refuses Tonewall's REFER. */
  private static String referRefused(String callReference) {
    return "REFER of IVR call " + callReference + " refused with ";
  }

  /** Waits up to {@code seconds} for {@code text} in the server log (written a little later). */
  private static void awaitServerLog(String text, int seconds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (!CardDigitsSearch.serverLog().contains(text)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not in the server log within " + seconds + " s: " + text);
      }
      Thread.sleep(500);
    }
  }
}
