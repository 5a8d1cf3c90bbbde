package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Adyen's standard notifications received by {@code POST
 * /api/v1/psp-configurations/test-adyen/notifications}, with nothing inside Tonewall mocked: a
 * token payment and its refunds go through the real PSP adapter to {@link AdyenCheckoutStub}
 * (answering as Adyen's Checkout API), then signed notifications — HMAC computed here with
 * javax.crypto and Adyen's published sample key — settle, fail and reverse those refunds through
 * the same domain transitions, audit entries and integrator webhooks as the refund sweep; resent
 * notifications have one effect; bad signatures, senders without credentials and malformed bodies
 * are refused; and a test card number carried in a notification is found in no answer, log line,
 * webhook or (on PostgreSQL) text column.
 */
@ExtendWith(TonewallServer.class)
class AdyenNotificationsIT {

  private static final String CONFIGURATION = "test-adyen";
  private static final String NOTIFICATIONS =
      "api/v1/psp-configurations/" + CONFIGURATION + "/notifications";
  private static final String HMAC_KEY =
      "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
  private static final String MERCHANT_ACCOUNT = "TonewallIT";
  private static final String SENDER =
      "Basic "
          + Base64.getEncoder().encodeToString("it-adyen:it-adyen-password-0123".getBytes(UTF_8));
  private static final String CARD = "4111111111111111";
  private static final Duration WITHIN = Duration.ofSeconds(60);

  private static AdyenCheckoutStub adyen;

  private final URL base = TonewallServer.base();

  private ApiHttp api;

  private String token;

  @BeforeAll
  static void startAdyen() throws Exception {
    adyen = new AdyenCheckoutStub();
  }

  @AfterAll
  static void stopAdyen() {
    adyen.close();
  }

  @BeforeEach
  void connect() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
  }

  @Test
  void settlesFailsAndReversesAdyenRefunds_onceEach_withTheSweepsAuditAndWebhooks()
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String subscription = subscribe(receiver);
      try {
        // given: an Adyen sale and two refunds of it, sent to Adyen after commit
        JsonObject session = adyenSale(1000);
        String sessionId = session.getString("id");
        JsonObject sale = session.getJsonArray("transactions").getJsonObject(0);
        String saleId = sale.getString("id");
        String paymentReference = sale.getString("pspReference");
        String first = refund(saleId, 400);
        String second = refund(saleId, 300);
        awaitRefundSent(saleId + ".r1");
        awaitRefundSent(saleId + ".r2");

        // when: Adyen says the first succeeded, then (reason with a card number) that it failed,
        // the second was refused, and resends each notification
        String approved =
            notification(
                item(
                    "REFUNDOKIT000001", paymentReference, saleId + ".r1", 400, "REFUND", true, ""));
        String failedLater =
            notification(
                item(
                    "REFUNDOKIT000001",
                    paymentReference,
                    saleId + ".r1",
                    400,
                    "REFUND_FAILED",
                    true,
                    "Refund failed for " + CARD));
        String refused =
            notification(
                item(
                    "REFUNDNOIT000002",
                    paymentReference,
                    saleId + ".r2",
                    300,
                    "REFUND",
                    false,
                    "Insufficient balance on payment"));
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String body :
            List.of(approved, failedLater, refused, approved, failedLater, refused)) {
          answers.add(notify(body, SENDER));
        }

        // then: each acknowledged as Adyen requires
        for (HttpResponse<String> answer : answers) {
          assertThat(answer.body(), answer.statusCode(), is(200));
          assertThat(answer.body(), is("[accepted]"));
        }
        // the first refund failed after it was approved, the second was refused: both FAILED,
        // their amounts back on the sale, which can be refunded in full again
        JsonObject firstNow = outcome(first, "FAILED");
        assertThat(firstNow.getString("declineReason"), is("REFUND_FAILED"));
        JsonObject secondNow = outcome(second, "FAILED");
        assertThat(secondNow.getString("declineReason"), is("REFUND_REFUSED"));
        assertThat(transaction(saleId).getJsonNumber("refunded").longValue(), is(0L));
        // audited once each, however often Adyen sent them
        List<String> audit = auditOf(sessionId);
        assertThat(audit.stream().filter("refund.failed"::equals).toList(), hasSize(2));
        assertThat(audit.stream().filter("refund.approved"::equals).toList(), hasSize(1));
        assertThat(audit.stream().filter("refund.scheduled"::equals).toList(), hasSize(2));
        // the integrator got the same webhooks as for any refund settlement, once each
        List<String> bodies = webhookBodies(receiver, sessionId, 2);
        List<String> hooks = bodies.stream().map(b -> ApiHttp.json(b).getString("type")).toList();
        assertThat(hooks.stream().filter("refund.failed"::equals).toList(), hasSize(2));
        assertThat(String.join("\n", bodies), not(containsString(CARD)));
      } finally {
        assertThat(api.delete("api/v1/webhooks/" + subscription, token).statusCode(), is(204));
      }
    }
  }

  @Test
  void settlesAScheduledAdyenRefundFromItsNotification() throws Exception {
    // given
    JsonObject sale = adyenSale(700).getJsonArray("transactions").getJsonObject(0);
    String refundId = refund(sale.getString("id"), 700);
    awaitRefundSent(sale.getString("id") + ".r1");

    // when
    HttpResponse<String> answer =
        notify(
            notification(
                item(
                    "REFUNDOKIT000003",
                    sale.getString("pspReference"),
                    sale.getString("id") + ".r1",
                    700,
                    "REFUND",
                    true,
                    "")),
            SENDER);

    // then: APPROVED by the notification (Adyen's "received" alone leaves it SCHEDULED for a
    // configuration that receives notifications), with Adyen's reference of the refund
    assertThat(answer.body(), is("[accepted]"));
    JsonObject refund = outcome(refundId, "APPROVED");
    assertThat(refund.getString("pspReference"), is("REFUNDOKIT000003"));
    assertThat(transaction(sale.getString("id")).getJsonNumber("refunded").longValue(), is(700L));
  }

  @Test
  void actsOnNoItemWithABadSignature_andRefusesSendersWithoutCredentials() throws Exception {
    // given: an Adyen refund that Adyen accepted
    JsonObject sale = adyenSale(500).getJsonArray("transactions").getJsonObject(0);
    String refundId = refund(sale.getString("id"), 500);
    awaitRefundSent(sale.getString("id") + ".r1");
    JsonObject signed =
        item(
            "REFUNDBADIT00004",
            sale.getString("pspReference"),
            sale.getString("id") + ".r1",
            500,
            "REFUND_FAILED",
            true,
            "");
    JsonObject tampered =
        Json.createObjectBuilder(signed)
            .add("merchantReference", sale.getString("id") + ".r2")
            .build();
    JsonObject otherAccount =
        item(
            "REFUNDBADIT00005",
            sale.getString("pspReference"),
            sale.getString("id") + ".r1",
            500,
            "REFUND_FAILED",
            true,
            "",
            "SomeoneElse",
            HMAC_KEY);
    JsonObject otherKey =
        item(
            "REFUNDBADIT00006",
            sale.getString("pspReference"),
            sale.getString("id") + ".r1",
            500,
            "REFUND_FAILED",
            true,
            "",
            MERCHANT_ACCOUNT,
            "00" + HMAC_KEY.substring(2));

    // when
    HttpResponse<String> badSignatures =
        notify(notification(tampered, otherAccount, otherKey), SENDER);
    HttpResponse<String> anonymous = notify(notification(signed), null);
    HttpResponse<String> wrongPassword =
        notify(
            notification(signed),
            "Basic " + Base64.getEncoder().encodeToString("it-adyen:guess".getBytes(UTF_8)));
    HttpResponse<String> bearer = notify(notification(signed), "Bearer " + token);
    HttpResponse<String> sandbox =
        post("api/v1/psp-configurations/sandbox/notifications", notification(signed), SENDER);
    HttpResponse<String> unknown =
        post("api/v1/psp-configurations/" + CARD + "/notifications", notification(signed), SENDER);

    // then: nothing acted on: the refund stays SCHEDULED, also once the sweep has checked it
    // (Adyen's "received" is not final where notifications are received)
    assertThat(badSignatures.body(), badSignatures.statusCode(), is(403));
    assertThat(type(badSignatures), endsWith("/notification-rejected"));
    assertThat(anonymous.statusCode(), is(401));
    assertThat(
        anonymous.headers().firstValue("WWW-Authenticate").orElseThrow(), containsString("Basic"));
    assertThat(wrongPassword.statusCode(), is(401));
    assertThat(bearer.statusCode(), is(401));
    assertThat(sandbox.statusCode(), is(404));
    assertThat(type(sandbox), endsWith("/notifications-not-enabled"));
    assertThat(unknown.statusCode(), is(404));
    assertThat(unknown.body(), not(containsString(CARD)));
    assertThat(checkedBySweep(refundId).getString("outcome"), is("SCHEDULED"));
  }

  @Test
  void refusesMalformedBodiesWithoutEchoing_andAcknowledgesEventsItDoesNotActOn() throws Exception {
    // when
    HttpResponse<String> notJson = notify("{\"notificationItems\": [" + CARD, SENDER);
    HttpResponse<String> wrongType =
        notify(
            "{\"notificationItems\":[{\"NotificationRequestItem\":{\"eventCode\":\"REFUND\","
                + "\"pspReference\":\"P1\",\"merchantAccountCode\":\"TonewallIT\",\"success\":"
                + CARD
                + "}}]}",
            SENDER);
    HttpResponse<String> missing =
        notify("{\"notificationItems\":[{\"NotificationRequestItem\":{}}]}", SENDER);
    HttpResponse<String> report =
        notify(
            notification(item("REPORTIT00000007", "", "", 0, "REPORT_AVAILABLE", true, "")),
            SENDER);

    // then
    assertThat(notJson.statusCode(), is(400));
    assertThat(wrongType.statusCode(), is(400));
    assertThat(ApiHttp.json(wrongType.body()).getString("detail"), containsString("success"));
    assertThat(missing.statusCode(), is(400));
    for (HttpResponse<String> refused : List.of(notJson, wrongType, missing)) {
      assertThat(refused.body(), not(containsString(CARD)));
      assertThat(
          refused.headers().firstValue("Content-Type").orElseThrow(),
          containsString("problem+json"));
    }
    assertThat(report.statusCode(), is(200));
    assertThat(report.body(), is("[accepted]"));
  }

  @Test
  void keepsACardNumberInANotificationOutOfLogsDatabaseAndWebhooks() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String subscription = subscribe(receiver);
      try {
        // given: an Adyen refund, and notifications carrying a card number where Adyen puts card
        // facts (additionalData), in free text and as a merchant reference
        JsonObject session = adyenSale(900);
        JsonObject sale = session.getJsonArray("transactions").getJsonObject(0);
        String refundId = refund(sale.getString("id"), 900);
        awaitRefundSent(sale.getString("id") + ".r1");
        JsonObject authorisation =
            Json.createObjectBuilder(
                    item(
                        "AUTHCARDIT000008",
                        "",
                        CARD,
                        900,
                        "AUTHORISATION",
                        true,
                        "123456:" + CARD + ":03/2030"))
                .add(
                    "additionalData",
                    Json.createObjectBuilder()
                        .add(
                            "hmacSignature",
                            item(
                                    "AUTHCARDIT000008",
                                    "",
                                    CARD,
                                    900,
                                    "AUTHORISATION",
                                    true,
                                    "123456:" + CARD + ":03/2030")
                                .getJsonObject("additionalData")
                                .getString("hmacSignature"))
                        .add("cardSummary", "1111")
                        .add("cardBin", "411111")
                        .add("cardNumber", CARD)
                        .add("expiryDate", "03/2030"))
                .build();
        JsonObject failed =
            item(
                "REFUNDCARDIT0009",
                sale.getString("pspReference"),
                sale.getString("id") + ".r1",
                900,
                "REFUND_FAILED",
                true,
                "card " + CARD + " closed");

        // when
        HttpResponse<String> first = notify(notification(authorisation, failed), SENDER);
        HttpResponse<String> unsigned =
            notify(
                notification(
                    Json.createObjectBuilder(authorisation)
                        .add("pspReference", "AUTHCARDIT000010")
                        .build()),
                SENDER);

        // then
        assertThat(first.body(), first.statusCode(), is(200));
        assertThat(unsigned.statusCode(), is(403));
        assertThat(outcome(refundId, "FAILED").getString("declineReason"), is("REFUND_FAILED"));
        List<String> bodies = webhookBodies(receiver, session.getString("id"), 1);
        assertThat(String.join("\n", bodies), not(containsString(CARD)));
        assertThat(first.body() + unsigned.body(), not(containsString(CARD)));
        assertThat(CardDigitsSearch.serverLog(), not(containsString(CARD)));
        Optional<String> database = CardDigitsSearch.jdbcUrl();
        if (database.isPresent()) {
          assertThat(CardDigitsSearch.columnsHolding(database.get(), CARD), is(empty()));
        }
      } finally {
        assertThat(api.delete("api/v1/webhooks/" + subscription, token).statusCode(), is(204));
      }
    }
  }

  // ---- Adyen's side

  private static JsonObject item(
      String pspReference,
      String originalReference,
      String merchantReference,
      long value,
      String eventCode,
      boolean success,
      String reason)
      throws Exception {
    return item(
        pspReference,
        originalReference,
        merchantReference,
        value,
        eventCode,
        success,
        reason,
        MERCHANT_ACCOUNT,
        HMAC_KEY);
  }

  /** A NotificationRequestItem signed as Adyen signs it, with {@code hexKey}. */
  private static JsonObject item(
      String pspReference,
      String originalReference,
      String merchantReference,
      long value,
      String eventCode,
      boolean success,
      String reason,
      String merchantAccount,
      String hexKey)
      throws Exception {
    String signed =
        String.join(
            ":",
            escaped(pspReference),
            escaped(originalReference),
            escaped(merchantAccount),
            escaped(merchantReference),
            Long.toString(value),
            "GBP",
            eventCode,
            Boolean.toString(success));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexKey), "HmacSHA256"));
    String signature = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(UTF_8)));
    JsonObjectBuilder item =
        Json.createObjectBuilder()
            .add("additionalData", Json.createObjectBuilder().add("hmacSignature", signature))
            .add("amount", Json.createObjectBuilder().add("currency", "GBP").add("value", value))
            .add("eventCode", eventCode)
            .add("eventDate", Instant.now().toString())
            .add("merchantAccountCode", merchantAccount)
            .add("merchantReference", merchantReference)
            .add("pspReference", pspReference)
            .add("reason", reason)
            .add("success", Boolean.toString(success));
    if (!originalReference.isEmpty()) {
      item.add("originalReference", originalReference);
    }
    return item.build();
  }

  private static String escaped(String field) {
    return field.replace("\\", "\\\\").replace(":", "\\:");
  }

  private static String notification(JsonObject... items) {
    var list = Json.createArrayBuilder();
    for (JsonObject item : items) {
      list.add(Json.createObjectBuilder().add("NotificationRequestItem", item));
    }
    return Json.createObjectBuilder()
        .add("live", "false")
        .add("notificationItems", list)
        .build()
        .toString();
  }

  private HttpResponse<String> notify(String body, String authorization) throws Exception {
    return post(NOTIFICATIONS, body, authorization);
  }

  private HttpResponse<String> post(String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.app(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return ApiHttp.send(request);
  }

  /** Waits until the adapter has sent the refund with this merchant reference to Adyen. */
  private static void awaitRefundSent(String merchantReference) throws Exception {
    Instant deadline = Instant.now().plus(WITHIN);
    while (adyen.received("/refunds").stream()
        .noneMatch(r -> r.body().contains("\"reference\":\"" + merchantReference + "\""))) {
      assertThat(
          "refund " + merchantReference + " sent to Adyen",
          Instant.now().isBefore(deadline),
          is(true));
      Thread.sleep(200);
    }
  }

  // ---- Tonewall's API

  private String subscribe(WebhookReceiver receiver) throws Exception {
    HttpResponse<String> created =
        api.post("api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\"}", token);
    assertThat(created.body(), created.statusCode(), is(201));
    return ApiHttp.json(created.body()).getString("id");
  }

  private JsonObject adyenSale(long amount) throws Exception {
    HttpResponse<String> paid =
        api.post(
            "api/v1/token-payments",
            "{\"token\":\"it-shopper:stored-1\",\"amount\":"
                + amount
                + ",\"currency\":\"GBP\",\"pspConfiguration\":\""
                + CONFIGURATION
                + "\"}",
            token);
    assertThat(paid.body(), paid.statusCode(), is(201));
    JsonObject session = ApiHttp.json(paid.body());
    JsonObject sale = session.getJsonArray("transactions").getJsonObject(0);
    assertThat(sale.getString("outcome"), is("APPROVED"));
    assertThat(sale.getString("pspReference"), containsString("ITADYEN"));
    return session;
  }

  private String refund(String saleId, long amount) throws Exception {
    HttpResponse<String> refund =
        api.post(
            "api/v1/transactions/" + saleId + "/refunds",
            "{\"amount\":" + amount + ",\"currency\":\"GBP\"}",
            token);
    assertThat(refund.body(), refund.statusCode(), is(201));
    assertThat(ApiHttp.json(refund.body()).getString("outcome"), is("SCHEDULED"));
    return ApiHttp.json(refund.body()).getString("id");
  }

  private JsonObject transaction(String id) throws Exception {
    return ApiHttp.json(api.get("api/v1/transactions/" + id, token).body());
  }

  /** The refund once the refund sweep has checked it at least once (it shows its next check). */
  private JsonObject checkedBySweep(String id) throws Exception {
    Instant deadline = Instant.now().plus(WITHIN);
    JsonObject transaction = transaction(id);
    while (!transaction.containsKey("nextSettlementCheck")
        || transaction.isNull("nextSettlementCheck")) {
      assertThat(
          "refund " + id + " checked by the sweep", Instant.now().isBefore(deadline), is(true));
      Thread.sleep(500);
      transaction = transaction(id);
    }
    return transaction;
  }

  /**
   * The transaction once its outcome is {@code expected} (a notification applied now, or — if it
   * met the refund sweep on the same row — by the background retry within about a minute).
   */
  private JsonObject outcome(String id, String expected) throws Exception {
    Instant deadline = Instant.now().plus(WITHIN.plusSeconds(30));
    JsonObject transaction = transaction(id);
    while (!transaction.getString("outcome").equals(expected)) {
      assertThat(
          "transaction " + id + " " + expected + ", is " + transaction.getString("outcome"),
          Instant.now().isBefore(deadline),
          is(true));
      Thread.sleep(500);
      transaction = transaction(id);
    }
    return transaction;
  }

  /**
   * The bodies of the webhooks about a session, once at least {@code failures} of them are {@code
   * refund.failed} and none has followed for 5 s.
   */
  private static List<String> webhookBodies(
      WebhookReceiver receiver, String sessionId, int failures) throws Exception {
    List<String> bodies = new ArrayList<>();
    long failed = 0;
    while (failed < failures) {
      String body = receiver.nextAbout(sessionId, 30).body();
      bodies.add(body);
      failed += ApiHttp.json(body).getString("type").equals("refund.failed") ? 1 : 0;
    }
    while (!Thread.currentThread().isInterrupted()) {
      try {
        bodies.add(receiver.nextAbout(sessionId, 5).body());
      } catch (AssertionError quiet) {
        break;
      }
    }
    return bodies;
  }

  private List<String> auditOf(String sessionId) throws Exception {
    return ApiHttp.jsonArray(api.get("api/v1/audit/sessions/" + sessionId, token).body()).stream()
        .map(e -> e.asJsonObject().getString("eventType"))
        .toList();
  }

  private static String type(HttpResponse<String> response) {
    return ApiHttp.json(response.body()).getString("type");
  }
}
