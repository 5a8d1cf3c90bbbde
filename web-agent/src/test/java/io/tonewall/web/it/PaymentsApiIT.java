package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payments through the API with the sandbox PSP and no call: an approved token payment (the
 * sandbox's test token {@code sbx_tok_test_approve}) refunded in two parts, each refund settled
 * APPROVED (the first by the refund sweep, the second by {@code POST .../reconcile}), lists in
 * pages (a call's transactions, a session's audit entries, webhook deliveries) and an
 * Idempotency-Key on {@code POST .../process}.
 */
@ExtendWith(TonewallServer.class)
class PaymentsApiIT {

  private static final String APPROVE = "sbx_tok_test_approve";
  private static final Duration SETTLE_WITHIN = Duration.ofSeconds(60);

  private final URL base = TonewallServer.base();

  private ApiHttp api;

  private String token;

  @BeforeEach
  void connect() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
  }

  @Test
  void approvesATokenPayment_thenRefundsItInTwoParts_andEachRefundIsSettled() throws Exception {
    // given: a subscription nobody listens on, to see the refunds' webhooks queued
    String subscription =
        ApiHttp.json(
                api.post("api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/it-refunds\"}", token)
                    .body())
            .getString("id");
    try {
      // when
      JsonObject session = tokenPayment(APPROVE, 1500, null);

      // then: approved and finished, with the PSP's reference
      assertThat(session.getString("status"), is("Finished"));
      JsonObject sale = session.getJsonArray("transactions").getJsonObject(0);
      assertThat(sale.getString("outcome"), is("APPROVED"));
      assertThat(sale.getString("type"), is("SALE"));
      assertThat(sale.getJsonNumber("amount").longValue(), is(1500L));
      assertThat(sale.getString("pspReference").isBlank(), is(false));
      String saleId = sale.getString("id");

      // when: part of it is refunded, and nobody asks what became of it
      HttpResponse<String> part =
          api.post(
              "api/v1/transactions/" + saleId + "/refunds",
              "{\"amount\":500,\"currency\":\"GBP\"}",
              token);

      // then: scheduled at once, settled APPROVED by the refund sweep
      assertThat(part.body(), part.statusCode(), is(201));
      JsonObject first = ApiHttp.json(part.body());
      assertThat(first.getString("type"), is("REFUND"));
      assertThat(first.getString("refundOf"), is(saleId));
      assertThat(first.getJsonNumber("amount").longValue(), is(500L));
      assertThat(first.getString("outcome"), is("SCHEDULED"));
      assertThat(
          part.headers().firstValue("Location").orElseThrow(), endsWith(first.getString("id")));
      assertThat(transaction(saleId).getJsonNumber("refunded").longValue(), is(500L));
      assertThat(settled(first.getString("id")).getString("outcome"), is("APPROVED"));
      assertThat(transaction(saleId).getJsonNumber("refunded").longValue(), is(500L));

      // when: the rest is refunded and its outcome asked for at once
      HttpResponse<String> rest =
          api.post("api/v1/transactions/" + saleId + "/refunds", "{}", token);
      assertThat(rest.body(), rest.statusCode(), is(201));
      String restId = ApiHttp.json(rest.body()).getString("id");
      HttpResponse<String> reconciled =
          api.post("api/v1/transactions/" + restId + "/reconcile", "", token);
      HttpResponse<String> again =
          api.post("api/v1/transactions/" + restId + "/reconcile", "", token);
      HttpResponse<String> more =
          api.post("api/v1/transactions/" + saleId + "/refunds", "{}", token);

      // then: sent after commit, so the PSP knows it already
      assertThat(ApiHttp.json(rest.body()).getJsonNumber("amount").longValue(), is(1000L));
      assertThat(reconciled.body(), reconciled.statusCode(), is(200));
      assertThat(ApiHttp.json(reconciled.body()).getString("outcome"), is("APPROVED"));
      assertThat(again.statusCode(), is(409));
      assertThat(ApiHttp.json(again.body()).getString("type"), endsWith("/nothing-to-reconcile"));
      assertThat(transaction(saleId).getJsonNumber("refunded").longValue(), is(1500L));
      assertThat(more.statusCode(), is(409));
      assertThat(ApiHttp.json(more.body()).getString("type"), endsWith("/refund-not-allowed"));
      List<String> audit =
          ApiHttp.jsonArray(
                  api.get("api/v1/audit/sessions/" + session.getString("id"), token).body())
              .stream()
              .map(e -> e.asJsonObject().getString("eventType"))
              .toList();
      assertThat(
          audit,
          is(
              List.of(
                  "session.created",
                  "payment.approved",
                  "refund.scheduled",
                  "refund.approved",
                  "refund.scheduled",
                  "refund.approved")));
      List<String> webhooks =
          ApiHttp.jsonArray(api.get("api/v1/webhooks/deliveries?size=100", token).body()).stream()
              .map(JsonValue::asJsonObject)
              .filter(d -> d.getString("subscriptionId").equals(subscription))
              .map(d -> d.getString("eventType"))
              .filter(type -> type.startsWith("refund."))
              .sorted()
              .toList();
      assertThat(
          webhooks,
          is(
              List.of(
                  "refund.approved", "refund.approved", "refund.scheduled", "refund.scheduled")));
    } finally {
      assertThat(api.delete("api/v1/webhooks/" + subscription, token).statusCode(), is(204));
    }
  }

  @Test
  void listsACallsTransactionsInPages() throws Exception {
    // given: three payments on one call
    String call = "it-paged-call_" + UUID.randomUUID();
    List<String> ids =
        List.of(paymentOnCall(call, 101), paymentOnCall(call, 102), paymentOnCall(call, 103));

    // when
    HttpResponse<String> first = api.get("api/v1/calls/" + call + "/transactions?size=2", token);
    HttpResponse<String> second =
        api.get("api/v1/calls/" + call + "/transactions?page=1&size=2", token);
    HttpResponse<String> whole = api.get("api/v1/calls/" + call + "/transactions", token);

    // then: oldest first, two and one, linked both ways
    assertThat(idsOf(first), is(ids.subList(0, 2)));
    assertThat(first.headers().firstValue("Link").orElseThrow(), containsString("page=1"));
    assertThat(first.headers().firstValue("Link").orElseThrow(), containsString("rel=\"next\""));
    assertThat(idsOf(second), is(ids.subList(2, 3)));
    assertThat(
        String.join(",", second.headers().allValues("Link")), not(containsString("rel=\"next\"")));
    assertThat(
        String.join(",", second.headers().allValues("Link")), containsString("rel=\"prev\""));
    assertThat(idsOf(whole), is(ids));
    assertThat(
        api.get("api/v1/calls/" + call + "/transactions?size=501", token).statusCode(), is(400));
  }

  @Test
  void listsASessionsAuditEntriesInPages() throws Exception {
    // given: a session with two entries
    String id =
        ApiHttp.json(
                api.post("api/v1/sessions", "{\"amount\":300,\"currency\":\"GBP\"}", token).body())
            .getString("id");
    api.post("api/v1/sessions/" + id + "/cancel", "", token);

    // when
    HttpResponse<String> first = api.get("api/v1/audit/sessions/" + id + "?size=1", token);
    HttpResponse<String> second = api.get("api/v1/audit/sessions/" + id + "?page=1&size=1", token);
    HttpResponse<String> beyond = api.get("api/v1/audit/sessions/" + id + "?page=2&size=1", token);

    // then
    assertThat(eventsOf(first), is(List.of("session.created")));
    assertThat(first.headers().firstValue("Link").orElseThrow(), containsString("page=1"));
    assertThat(eventsOf(second), is(List.of("session.cancelled")));
    assertThat(
        String.join(",", second.headers().allValues("Link")), not(containsString("rel=\"next\"")));
    assertThat(ApiHttp.jsonArray(beyond.body()).size(), is(0));
  }

  @Test
  void listsWebhookDeliveriesInPages() throws Exception {
    // given: a subscription nobody listens on, and three sessions queued to it
    String subscription =
        ApiHttp.json(
                api.post("api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/it-paged\"}", token)
                    .body())
            .getString("id");
    try {
      for (int i = 0; i < 3; i++) {
        api.post("api/v1/sessions", "{\"amount\":" + (400 + i) + ",\"currency\":\"GBP\"}", token);
      }

      // when
      HttpResponse<String> first = api.get("api/v1/webhooks/deliveries?size=2", token);
      HttpResponse<String> second = api.get("api/v1/webhooks/deliveries?page=1&size=2", token);

      // then: newest first, two per page, no delivery on both pages
      JsonArray one = ApiHttp.jsonArray(first.body());
      JsonArray two = ApiHttp.jsonArray(second.body());
      assertThat(one.size(), is(2));
      assertThat(two.size(), greaterThanOrEqualTo(1));
      assertThat(first.headers().firstValue("Link").orElseThrow(), containsString("page=1"));
      List<String> firstIds = one.stream().map(d -> d.asJsonObject().getString("id")).toList();
      for (var delivery : two) {
        assertThat(firstIds, not(hasItem(delivery.asJsonObject().getString("id"))));
      }
      assertThat(
          one.getJsonObject(0)
              .getString("createdAt")
              .compareTo(two.getJsonObject(0).getString("createdAt")),
          greaterThanOrEqualTo(0));
      assertThat(api.get("api/v1/webhooks/deliveries?size=101", token).statusCode(), is(400));
    } finally {
      assertThat(api.delete("api/v1/webhooks/" + subscription, token).statusCode(), is(204));
    }
  }

  @Test
  void replaysProcess_forTheSameIdempotencyKey_andRefusesAnotherBody() throws Exception {
    // given
    String id =
        ApiHttp.json(
                api.post("api/v1/sessions", "{\"amount\":1050,\"currency\":\"GBP\"}", token).body())
            .getString("id");
    String key = "it-process_" + UUID.randomUUID();

    // when
    HttpResponse<String> first = api.post("api/v1/sessions/" + id + "/process", "", token, key);
    HttpResponse<String> again = api.post("api/v1/sessions/" + id + "/process", "", token, key);
    HttpResponse<String> other = api.post("api/v1/sessions/" + id + "/process", "{}", token, key);

    // then: the first answer (card fields not complete) comes back as it was
    assertThat(first.statusCode(), is(409));
    assertThat(ApiHttp.json(first.body()).getString("type"), endsWith("/fields-incomplete"));
    assertThat(again.statusCode(), is(409));
    assertThat(again.body(), is(first.body()));
    assertThat(again.headers().firstValue("Idempotent-Replayed").orElseThrow(), is("true"));
    assertThat(other.statusCode(), is(422));
    assertThat(
        ApiHttp.json(other.body()).getString("type"), containsString("idempotency-key-reused"));
    assertThat(
        ApiHttp.json(api.get("api/v1/sessions/" + id, token).body()).getString("state"),
        is("CREATED"));
  }

  private JsonObject tokenPayment(String paymentToken, long amount, String call) throws Exception {
    HttpResponse<String> paid =
        api.post(
            "api/v1/token-payments",
            "{\"token\":\""
                + paymentToken
                + "\",\"amount\":"
                + amount
                + ",\"currency\":\"GBP\""
                + (call == null ? "" : ",\"callReference\":\"" + call + "\"")
                + "}",
            token);
    assertThat(paid.body(), paid.statusCode(), is(201));
    return ApiHttp.json(paid.body());
  }

  private String paymentOnCall(String call, long amount) throws Exception {
    return tokenPayment(APPROVE, amount, call)
        .getJsonArray("transactions")
        .getJsonObject(0)
        .getString("id");
  }

  /** The transaction once its outcome is no longer SCHEDULED (the sweep runs every 10 s). */
  private JsonObject settled(String id) throws Exception {
    Instant deadline = Instant.now().plus(SETTLE_WITHIN);
    JsonObject transaction = transaction(id);
    while (transaction.getString("outcome").equals("SCHEDULED")) {
      assertThat(
          "refund " + id + " still SCHEDULED after " + SETTLE_WITHIN,
          Instant.now().isBefore(deadline),
          is(true));
      Thread.sleep(500);
      transaction = transaction(id);
    }
    return transaction;
  }

  private JsonObject transaction(String id) throws Exception {
    return ApiHttp.json(api.get("api/v1/transactions/" + id, token).body());
  }

  private static List<String> idsOf(HttpResponse<String> response) {
    assertThat(response.body(), response.statusCode(), is(200));
    return ApiHttp.jsonArray(response.body()).stream()
        .map(t -> t.asJsonObject().getString("id"))
        .toList();
  }

  private static List<String> eventsOf(HttpResponse<String> response) {
    assertThat(response.body(), response.statusCode(), is(200));
    return ApiHttp.jsonArray(response.body()).stream()
        .map(e -> e.asJsonObject().getString("eventType"))
        .toList();
  }
}
