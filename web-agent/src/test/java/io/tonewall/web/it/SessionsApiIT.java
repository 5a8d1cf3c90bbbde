package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The payment-session API on the real build outputs: sessions read with their card fields'
 * progress, refusals as problem details with nothing half-written, pages, call history following a
 * transfer, and the audit trail's verification (with a tampered row on PostgreSQL). Runs once
 * against H2 and once against PostgreSQL. No call is made here: keying a card on a real call is
 * {@link AgentAssistedPaymentIT}'s.
 */
@ExtendWith(TonewallServer.class)
class SessionsApiIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URL base = TonewallServer.base();

  private String token;

  @Test
  void createsSession_readsItWithFieldProgress_thenCancels() throws Exception {
    // given
    String body =
        "{\"amount\":2599,\"currency\":\"EUR\",\"merchantReference\":\"order-42\","
            + "\"customer\":{\"name\":\"Ada Lovelace\",\"postcode\":\"SW1Y 4JH\","
            + "\"email\":\"ada@example.org\"}}";
    String id = json(post("api/v1/sessions", body).body()).getString("id");

    // when
    HttpResponse<String> read = get("api/v1/sessions/" + id);

    // then
    assertThat(read.statusCode(), is(200));
    JsonObject session = json(read.body());
    assertThat(session.getString("status"), is("Initial"));
    assertThat(session.getString("state"), is("CREATED"));
    assertThat(session.getString("pspConfiguration"), is("sandbox"));
    assertThat(session.getJsonObject("customer").getString("name"), is("Ada Lovelace"));
    assertThat(session.getJsonObject("payment").getJsonNumber("remaining").longValue(), is(2599L));
    JsonArray fields = session.getJsonArray("cardFields");
    assertThat(
        fields.stream().map(f -> f.asJsonObject().getString("name")).toList(),
        is(List.of("number", "expiry", "securityCode")));
    for (JsonValue field : fields) {
      assertThat(field.asJsonObject().getString("state"), is("NOT_REQUESTED"));
      assertThat(field.asJsonObject().getInt("digits"), is(0));
      assertThat(field.asJsonObject().getBoolean("complete"), is(false));
    }
    assertThat(session.getJsonArray("transactions").size(), is(0));

    // when
    HttpResponse<String> cancelled = post("api/v1/sessions/" + id + "/cancel", "");
    HttpResponse<String> processAfter = post("api/v1/sessions/" + id + "/process", "");

    // then
    assertThat(cancelled.statusCode(), is(200));
    assertThat(json(cancelled.body()).getString("status"), is("Cancelled"));
    assertThat(json(get("api/v1/sessions/" + id).body()).getString("state"), is("CANCELLED"));
    assertThat(processAfter.statusCode(), is(409));
    assertThat(json(processAfter.body()).getString("type"), endsWith("/session-ended"));
  }

  @Test
  void refusesProcessing_beforeCardFieldsAreComplete_andWritesNothing() throws Exception {
    // given: a webhook subscription, so that a change of the session would write outbox rows
    String subscription =
        json(post("api/v1/webhooks", "{\"url\":\"http://127.0.0.1:9/it-not-listening\"}").body())
            .getString("id");
    try {
      String id =
          json(post("api/v1/sessions", "{\"amount\":1050,\"currency\":\"GBP\"}").body())
              .getString("id");
      String before = json(get("api/v1/sessions/" + id).body()).getString("updatedAt");
      List<Long> rowsBefore = rowsOf(id, subscription);
      assertThat("session.created was audited and queued", rowsBefore.get(1), is(1L));
      assertThat(rowsBefore.get(2), greaterThanOrEqualTo(1L));

      // when
      HttpResponse<String> processed = post("api/v1/sessions/" + id + "/process", "");

      // then
      assertThat(processed.statusCode(), is(409));
      assertThat(
          processed.headers().firstValue("Content-Type").orElseThrow(),
          startsWith("application/problem+json"));
      JsonObject problem = json(processed.body());
      assertThat(problem.getString("type"), endsWith("/fields-incomplete"));
      assertThat(problem.getString("detail"), containsString("number, expiry, securityCode"));
      JsonObject after = json(get("api/v1/sessions/" + id).body());
      assertThat(after.getString("state"), is("CREATED"));
      assertThat(after.getString("updatedAt"), is(before));
      assertThat(
          "transactions, audit entries, outbox rows", rowsOf(id, subscription), is(rowsBefore));
    } finally {
      assertThat(delete("api/v1/webhooks/" + subscription).statusCode(), is(204));
    }
  }

  /**
   * Rows written for a session: its transactions, its audit entries, and the outbox rows (webhook
   * deliveries) of a subscription — read through the API, and also straight from the tables on
   * PostgreSQL (where the list must agree).
   */
  private List<Long> rowsOf(String session, String subscription) throws Exception {
    long transactions =
        json(get("api/v1/sessions/" + session).body()).getJsonArray("transactions").size();
    long audit = jsonArray(get("api/v1/audit/sessions/" + session).body()).size();
    long outbox =
        jsonArray(get("api/v1/webhooks/deliveries?size=100").body()).stream()
            .filter(d -> d.asJsonObject().getString("subscriptionId").equals(subscription))
            .count();
    List<Long> viaApi = List.of(transactions, audit, outbox);
    String jdbcUrl = System.getProperty("tonewall.it.jdbcUrl");
    if (jdbcUrl != null) {
      try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
        List<Long> inTables =
            List.of(
                count(db, "SELECT count(*) FROM payment_transaction WHERE session_id = ?", session),
                count(db, "SELECT count(*) FROM audit_entry WHERE session_id = ?", session),
                count(
                    db,
                    "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?",
                    subscription));
        assertThat("rows in the tables", inTables, is(viaApi));
      }
    }
    return viaApi;
  }

  private static long count(Connection db, String sql, String value) throws Exception {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, value);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Test
  void refusesAFieldRequest_onACancelledSession() throws Exception {
    // given
    String id =
        json(post("api/v1/sessions", "{\"amount\":1050,\"currency\":\"GBP\"}").body())
            .getString("id");
    assertThat(post("api/v1/sessions/" + id + "/cancel", "").statusCode(), is(200));

    // when
    HttpResponse<String> requested = post("api/v1/sessions/" + id + "/fields/number/request", "");

    // then
    assertThat(requested.statusCode(), is(409));
    assertThat(
        requested.headers().firstValue("Content-Type").orElseThrow(),
        startsWith("application/problem+json"));
    assertThat(json(requested.body()).getString("type"), endsWith("/session-ended"));
    assertThat(json(requested.body()).getString("detail"), containsString("Cancelled"));
    assertThat(
        json(get("api/v1/sessions/" + id).body())
            .getJsonArray("cardFields")
            .getJsonObject(0)
            .getString("state"),
        is("NOT_REQUESTED"));
  }

  @Test
  void refusesUnknownMembers_namingThem_andWritesNothing() throws Exception {
    // given
    long sessionsBefore =
        json(get("api/v1/sessions?size=1").body()).getJsonNumber("total").longValue();

    // when
    HttpResponse<String> misspelt =
        post("api/v1/sessions", "{\"ammount\":1050,\"amount\":1050,\"currency\":\"GBP\"}");
    HttpResponse<String> nested =
        post(
            "api/v1/sessions",
            "{\"amount\":1050,\"currency\":\"GBP\",\"customer\":{\"nmae\":\"Ada\"}}");
    HttpResponse<String> tokenPayment =
        post(
            "api/v1/token-payments",
            "{\"token\":\"sbx_tok_test_approve\",\"amount\":100,\"currency\":\"GBP\","
                + "\"cvv\":\"123\"}");
    HttpResponse<String> cardAsName =
        post("api/v1/sessions", "{\"amount\":1,\"currency\":\"GBP\",\"4242424242424242\":1}");

    // then
    assertThat(misspelt.statusCode(), is(400));
    assertThat(json(misspelt.body()).getString("type"), endsWith("/unknown-member"));
    assertThat(json(misspelt.body()).getString("detail"), containsString("\"ammount\""));
    assertThat(nested.statusCode(), is(400));
    assertThat(json(nested.body()).getString("detail"), containsString("\"nmae\""));
    assertThat(tokenPayment.statusCode(), is(400));
    assertThat(json(tokenPayment.body()).getString("detail"), containsString("\"cvv\""));
    assertThat(cardAsName.statusCode(), is(400));
    assertThat(cardAsName.body(), not(containsString("4242")));
    assertThat(
        json(get("api/v1/sessions?size=1").body()).getJsonNumber("total").longValue(),
        is(sessionsBefore));
  }

  @Test
  void acceptsEveryDocumentedMemberOfATokenPayment() throws Exception {
    // when
    HttpResponse<String> paid =
        post(
            "api/v1/token-payments",
            "{\"token\":\"sbx_tok_test_approve\",\"amount\":100,\"currency\":\"GBP\","
                + "\"transactionType\":\"SALE\",\"pspConfiguration\":\"sandbox\","
                + "\"merchantReference\":\"strict-1\"}");

    // then
    assertThat(paid.body(), paid.statusCode(), is(201));
  }

  @Test
  void refusesOversizeBodies_with413_withOrWithoutIdempotencyKey() throws Exception {
    // given: one byte over 1 MiB, valid JSON
    String big = "{\"merchantReference\":\"" + "x".repeat((1 << 20) - 23) + "\"}";
    assertThat(big.length(), is((1 << 20) + 1));
    String id =
        json(post("api/v1/sessions", "{\"amount\":1050,\"currency\":\"GBP\"}").body())
            .getString("id");

    // when
    List<HttpResponse<String>> answers =
        List.of(
            post("api/v1/sessions", big),
            post("api/v1/token-payments", big),
            post("api/v1/sessions/" + id + "/part", big),
            send(
                HttpRequest.newBuilder(app("api/v1/sessions/" + id + "/customer"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(big))),
            send(
                HttpRequest.newBuilder(app("api/v1/sessions"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", "it_" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString(big))));

    // then
    for (HttpResponse<String> answer : answers) {
      assertThat(answer.request().uri().getPath(), answer.statusCode(), is(413));
      assertThat(
          answer.headers().firstValue("Content-Type").orElseThrow(),
          startsWith("application/problem+json"));
      assertThat(json(answer.body()).getString("type"), endsWith("/body-too-large"));
    }
    assertThat(json(get("api/v1/sessions/" + id).body()).getString("state"), is("CREATED"));
  }

  @Test
  void refusesFieldRequest_beforeTheCallIsSecure_andUnknownFields() throws Exception {
    // given
    String id =
        json(post("api/v1/sessions", "{\"amount\":1050,\"currency\":\"GBP\"}").body())
            .getString("id");

    // when
    HttpResponse<String> early = post("api/v1/sessions/" + id + "/fields/number/request", "");
    HttpResponse<String> unknown = post("api/v1/sessions/" + id + "/fields/pin/request", "");

    // then
    assertThat(early.statusCode(), is(409));
    assertThat(json(early.body()).getString("type"), endsWith("/illegal-transition"));
    assertThat(json(early.body()).getString("detail"), containsString("not secure"));
    assertThat(unknown.statusCode(), is(400));
  }

  @Test
  void createsAnIvrSession_withTransferNumberAndLinkId_andRefusesBadIvrInput() throws Exception {
    // given
    String body =
        "{\"mode\":\"IVR\",\"amount\":1200,\"currency\":\"GBP\",\"language\":\"fr\","
            + "\"afterIvr\":\"TRANSFER_BACK\",\"customer\":{\"name\":\"Ada Lovelace\"}}";

    // when
    HttpResponse<String> created = post("api/v1/sessions", body);
    HttpResponse<String> defaults =
        post("api/v1/sessions", "{\"mode\":\"IVR\",\"amount\":100,\"currency\":\"GBP\"}");

    // then: the transfer number and link id, also when read back
    assertThat(created.body(), created.statusCode(), is(201));
    JsonObject ivr = json(created.body()).getJsonObject("ivr");
    assertThat(ivr.getString("linkId"), matchesPattern("[0-9]{4,16}"));
    assertThat(ivr.getString("transferNumber"), not(emptyString()));
    assertThat(ivr.getString("language"), is("fr"));
    assertThat(ivr.getString("afterIvr"), is("TRANSFER_BACK"));
    String id = json(created.body()).getString("id");
    JsonObject read = json(get("api/v1/sessions/" + id).body());
    assertThat(read.getString("status"), is("Initial"));
    assertThat(read.getString("mode"), is("IVR"));
    assertThat(read.getJsonObject("ivr"), is(ivr));
    assertThat(read.getJsonObject("customer").getString("name"), is("Ada Lovelace"));
    assertThat(absent(read, "pairingCode"), is(true));
    assertThat(defaults.body(), defaults.statusCode(), is(201));
    JsonObject defaultIvr = json(defaults.body()).getJsonObject("ivr");
    assertThat(defaultIvr.getString("language"), is("en"));
    assertThat(defaultIvr.getString("afterIvr"), is("HANG_UP"));
    assertThat(defaultIvr.getString("linkId"), not(ivr.getString("linkId")));

    // when: cancelled before any call, the link id is dropped
    JsonObject cancelled = json(post("api/v1/sessions/" + id + "/cancel", "").body());

    // then
    assertThat(cancelled.getString("status"), is("Cancelled"));
    assertThat(absent(cancelled.getJsonObject("ivr"), "linkId"), is(true));
    assertThat(absent(cancelled.getJsonObject("ivr"), "transferNumber"), is(true));

    // when: bad IVR members
    HttpResponse<String> unknownLanguage =
        post(
            "api/v1/sessions",
            "{\"mode\":\"IVR\",\"amount\":100,\"currency\":\"GBP\",\"language\":\"xx\"}");
    HttpResponse<String> cardAsLanguage =
        post(
            "api/v1/sessions",
            "{\"mode\":\"IVR\",\"amount\":100,\"currency\":\"GBP\","
                + "\"language\":\"4242424242424242\"}");
    HttpResponse<String> badAfter =
        post(
            "api/v1/sessions",
            "{\"mode\":\"IVR\",\"amount\":100,\"currency\":\"GBP\",\"afterIvr\":\"REDIAL_ME\"}");
    HttpResponse<String> ivrOnAgentSession =
        post("api/v1/sessions", "{\"amount\":100,\"currency\":\"GBP\",\"afterIvr\":\"HANG_UP\"}");

    // then: 400 problems that say what is allowed, never repeating the value sent
    assertThat(unknownLanguage.statusCode(), is(400));
    assertThat(
        unknownLanguage.headers().firstValue("Content-Type").orElseThrow(),
        startsWith("application/problem+json"));
    assertThat(
        json(unknownLanguage.body()).getString("detail"),
        matchesPattern("language must be one of [a-z, -]*de[a-z, -]*en[a-z, -]*"));
    assertThat(unknownLanguage.body(), not(containsString("xx")));
    assertThat(cardAsLanguage.statusCode(), is(400));
    assertThat(cardAsLanguage.body(), not(containsString("4242")));
    assertThat(badAfter.statusCode(), is(400));
    assertThat(
        json(badAfter.body()).getString("detail"),
        is("afterIvr must be one of [HANG_UP, TRANSFER_BACK]"));
    assertThat(badAfter.body(), not(containsString("REDIAL")));
    assertThat(ivrOnAgentSession.statusCode(), is(400));
    assertThat(
        json(ivrOnAgentSession.body()).getString("detail"),
        is("language and afterIvr apply to IVR sessions only"));
  }

  @Test
  void answersProblemDetails_forBadInput() throws Exception {
    // when
    HttpResponse<String> noAmount = post("api/v1/sessions", "{\"currency\":\"GBP\"}");
    HttpResponse<String> longName =
        post(
            "api/v1/sessions",
            "{\"amount\":1,\"currency\":\"GBP\",\"customer\":{\"name\":\""
                + "x".repeat(101)
                + "\"}}");
    HttpResponse<String> cardInName =
        post(
            "api/v1/sessions",
            "{\"amount\":1,\"currency\":\"GBP\",\"customer\":{\"name\":\"4242424242424242\"}}");
    HttpResponse<String> unknownPsp =
        post(
            "api/v1/sessions", "{\"amount\":1,\"currency\":\"GBP\",\"pspConfiguration\":\"nope\"}");
    HttpResponse<String> badId = get("api/v1/sessions/not-a-uuid");
    HttpResponse<String> noTransaction =
        get("api/v1/transactions/00000000-0000-0000-0000-000000000000");
    HttpResponse<String> hugePage = get("api/v1/sessions?size=101");

    // then
    assertThat(noAmount.statusCode(), is(400));
    assertThat(json(noAmount.body()).getString("detail"), is("amount is required"));
    assertThat(longName.statusCode(), is(400));
    assertThat(json(longName.body()).getString("detail"), containsString("at most 100"));
    assertThat(cardInName.statusCode(), is(400));
    assertThat(json(cardInName.body()).getString("detail"), containsString("card number"));
    assertThat(cardInName.body(), not(containsString("4242")));
    assertThat(unknownPsp.statusCode(), is(400));
    assertThat(badId.statusCode(), is(400));
    assertThat(noTransaction.statusCode(), is(404));
    assertThat(json(noTransaction.body()).getString("type"), endsWith("/transaction-not-found"));
    assertThat(hugePage.statusCode(), is(400));
  }

  @Test
  void listsSessionsInPages_newestFirst() throws Exception {
    // given
    for (int i = 0; i < 3; i++) {
      post("api/v1/sessions", "{\"amount\":" + (100 + i) + ",\"currency\":\"GBP\"}");
    }
    String newest =
        json(post("api/v1/sessions", "{\"amount\":999,\"currency\":\"GBP\"}").body())
            .getString("id");

    // when
    HttpResponse<String> first = get("api/v1/sessions?page=0&size=2");

    // then
    assertThat(first.statusCode(), is(200));
    JsonObject page = json(first.body());
    assertThat(page.getJsonArray("items").size(), is(2));
    assertThat(page.getJsonArray("items").getJsonObject(0).getString("id"), is(newest));
    assertThat(page.getJsonNumber("total").longValue(), greaterThanOrEqualTo(4L));
    assertThat(page.getJsonObject("links").getString("next"), containsString("page=1"));

    // given: a session cancelled now, the newest of the cancelled ones
    String cancelled =
        json(post("api/v1/sessions", "{\"amount\":998,\"currency\":\"GBP\"}").body())
            .getString("id");
    assertThat(post("api/v1/sessions/" + cancelled + "/cancel", "").statusCode(), is(200));

    // when
    HttpResponse<String> cancelledOnly = get("api/v1/sessions?size=100&status=Cancelled");

    // then: only cancelled sessions, this one first
    JsonArray items = json(cancelledOnly.body()).getJsonArray("items");
    assertThat(items.size(), greaterThanOrEqualTo(1));
    assertThat(items.getJsonObject(0).getString("id"), is(cancelled));
    for (JsonValue item : items) {
      assertThat(item.asJsonObject().getString("status"), is("Cancelled"));
    }
    assertThat(
        json(get("api/v1/sessions?size=100&status=Initial").body()).getJsonArray("items").stream()
            .map(item -> item.asJsonObject().getString("id"))
            .toList(),
        hasItem(newest));
  }

  @Test
  void sessionAndHistoryFollowATransferredCall() throws Exception {
    // given: two payments taken on a call (sessions that have ended), and a session still open on
    // it
    String call = "it-call_" + UUID.randomUUID();
    String approved = tokenPaymentOnCall(call, "sbx_tok_test_approve", 500, "APPROVED");
    String failed = tokenPaymentOnCall(call, "sbx_tok_never_issued", 600, "FAILED");
    String id =
        json(post(
                    "api/v1/sessions",
                    "{\"amount\":500,\"currency\":\"GBP\",\"callReference\":\"" + call + "\"}")
                .body())
            .getString("id");
    assertThat(jsonArray(get("api/v1/calls/" + call + "-b/transactions").body()).size(), is(0));

    // when
    HttpResponse<String> transferred =
        post("api/v1/calls/" + call + "/transfers", "{\"to\":\"" + call + "-b\"}");
    HttpResponse<String> history = get("api/v1/calls/" + call + "-b/transactions");

    // then: the open session follows the call; the new call's history has the earlier payments
    assertThat(transferred.statusCode(), is(204));
    assertThat(
        json(get("api/v1/sessions/" + id).body()).getString("callReference"), is(call + "-b"));
    assertThat(history.statusCode(), is(200));
    JsonArray transactions = jsonArray(history.body());
    assertThat(
        transactions.stream().map(t -> t.asJsonObject().getString("id")).toList(),
        is(List.of(approved, failed)));
    assertThat(
        transactions.stream().map(t -> t.asJsonObject().getString("outcome")).toList(),
        is(List.of("APPROVED", "FAILED")));
    assertThat(transactions.getJsonObject(0).getString("callReference"), is(call));
    assertThat(jsonArray(get("api/v1/calls/" + call + "/transactions").body()).size(), is(2));
  }

  /** Pays with a token on a call; the transaction's id, once its outcome is as expected. */
  private String tokenPaymentOnCall(String call, String token, long amount, String outcome)
      throws Exception {
    HttpResponse<String> paid =
        post(
            "api/v1/token-payments",
            "{\"token\":\""
                + token
                + "\",\"amount\":"
                + amount
                + ",\"currency\":\"GBP\",\"callReference\":\""
                + call
                + "\"}");
    assertThat(paid.body(), paid.statusCode(), is(201));
    JsonObject transaction = json(paid.body()).getJsonArray("transactions").getJsonObject(0);
    assertThat(transaction.getString("outcome"), is(outcome));
    assertThat(transaction.getString("callReference"), is(call));
    return transaction.getString("id");
  }

  @Test
  void processesATokenPaymentWithTheSandboxPsp_recordingOutcomeAndAuditTogether() throws Exception {
    // given: a token the sandbox never issued, which it answers FAILED (certainly not charged)
    String body =
        "{\"token\":\"sbx_tok_never_issued\",\"amount\":1500,\"currency\":\"GBP\","
            + "\"merchantReference\":\"tok-1\"}";

    // when
    HttpResponse<String> paid = post("api/v1/token-payments", body);

    // then
    assertThat(paid.statusCode(), is(201));
    JsonObject session = json(paid.body());
    assertThat(session.getString("state"), is("FAILED"));
    assertThat(session.getString("status"), is("Error"));
    JsonObject transaction = session.getJsonArray("transactions").getJsonObject(0);
    assertThat(transaction.getString("outcome"), is("FAILED"));
    assertThat(transaction.getString("type"), is("SALE"));
    assertThat(transaction.getJsonNumber("amount").longValue(), is(1500L));
    assertThat(
        json(get("api/v1/transactions/" + transaction.getString("id")).body()).getString("outcome"),
        is("FAILED"));
    JsonArray audit =
        Json.createReader(
                new StringReader(get("api/v1/audit/sessions/" + session.getString("id")).body()))
            .readArray();
    assertThat(
        audit.stream().map(e -> e.asJsonObject().getString("eventType")).toList(),
        is(List.of("session.created", "payment.failed")));
    HttpResponse<String> refund =
        post("api/v1/transactions/" + transaction.getString("id") + "/refunds", "{}");
    assertThat(refund.statusCode(), is(409));
    assertThat(json(refund.body()).getString("type"), endsWith("/refund-not-allowed"));
  }

  @Test
  void auditTrailVerifies_afterSessionsChange() throws Exception {
    // given
    String id =
        json(post("api/v1/sessions", "{\"amount\":700,\"currency\":\"GBP\"}").body())
            .getString("id");
    post("api/v1/sessions/" + id + "/cancel", "");

    // when
    JsonObject verification = json(get("api/v1/audit/verification").body());

    JsonArray entries =
        Json.createReader(new StringReader(get("api/v1/audit/sessions/" + id).body())).readArray();

    // then
    assertThat(verification.getBoolean("intact"), is(true));
    assertThat(verification.getJsonNumber("entriesChecked").longValue(), greaterThanOrEqualTo(2L));
    assertThat(
        entries.stream().map(e -> e.asJsonObject().getString("eventType")).toList(),
        is(List.of("session.created", "session.cancelled")));
    assertThat(
        entries.getJsonObject(1).getString("previousHash"),
        is(entries.getJsonObject(0).getString("entryHash")));
  }

  @Test
  @EnabledIfSystemProperty(named = "tonewall.it.database", matches = "postgresql")
  void auditVerificationDetectsChangedAndDeletedRows_onPostgres() throws Exception {
    // given
    String id =
        json(post("api/v1/sessions", "{\"amount\":800,\"currency\":\"GBP\"}").body())
            .getString("id");
    post("api/v1/sessions/" + id + "/cancel", "");
    try (Connection db =
        DriverManager.getConnection(System.getProperty("tonewall.it.jdbcUrl"), "postgres", "")) {
      int chain;
      long sequence;
      String detail;
      OffsetDateTime occurredAt;
      String previousHash;
      String entryHash;
      try (PreparedStatement query =
          db.prepareStatement(
              "SELECT chain_id, sequence_number, detail, occurred_at, previous_hash, entry_hash"
                  + " FROM audit_entry WHERE session_id = ? ORDER BY sequence_number LIMIT 1")) {
        query.setString(1, id);
        try (ResultSet row = query.executeQuery()) {
          assertThat(row.next(), is(true));
          chain = row.getInt(1);
          sequence = row.getLong(2);
          detail = row.getString(3);
          occurredAt = row.getObject(4, OffsetDateTime.class);
          previousHash = row.getString(5);
          entryHash = row.getString(6);
        }
      }
      assertThat(detail, containsString("amount=800 GBP"));

      try {
        // when: the amount is changed in place
        update(
            db,
            "UPDATE audit_entry SET detail = ? WHERE chain_id = ? AND sequence_number = ?",
            "amount=1 GBP",
            chain,
            sequence);
        JsonObject changed = json(get("api/v1/audit/verification").body());

        // then
        assertThat(changed.getBoolean("intact"), is(false));
        assertThat(changed.getInt("brokenChain"), is(chain));
        assertThat(changed.getJsonNumber("brokenAt").longValue(), is(sequence));
        assertThat(changed.getString("problem"), is("entry " + sequence + " was changed"));
      } finally {
        update(
            db,
            "UPDATE audit_entry SET detail = ? WHERE chain_id = ? AND sequence_number = ?",
            detail,
            chain,
            sequence);
      }
      assertThat(json(get("api/v1/audit/verification").body()).getBoolean("intact"), is(true));

      // when: the entry is deleted
      update(
          db,
          "DELETE FROM audit_entry WHERE chain_id = ? AND sequence_number = ?",
          null,
          chain,
          sequence);
      try {
        JsonObject deleted = json(get("api/v1/audit/verification").body());

        // then
        assertThat(deleted.getBoolean("intact"), is(false));
        assertThat(deleted.getString("problem"), is("entry " + sequence + " is missing"));
      } finally {
        try (PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO audit_entry (chain_id, sequence_number, session_id, event_type,"
                    + " detail, occurred_at, previous_hash, entry_hash)"
                    + " VALUES (?, ?, ?, 'session.created', ?, ?, ?, ?)")) {
          insert.setInt(1, chain);
          insert.setLong(2, sequence);
          insert.setString(3, id);
          insert.setString(4, detail);
          insert.setObject(5, occurredAt);
          insert.setString(6, previousHash);
          insert.setString(7, entryHash);
          insert.executeUpdate();
        }
      }
      assertThat(json(get("api/v1/audit/verification").body()).getBoolean("intact"), is(true));
    }
  }

  private static void update(Connection db, String sql, String text, int chain, long sequence)
      throws Exception {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      int index = 1;
      if (text != null) {
        statement.setString(index++, text);
      }
      statement.setInt(index++, chain);
      statement.setLong(index, sequence);
      assertThat(statement.executeUpdate(), is(1));
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(app(path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String path) throws Exception {
    return send(HttpRequest.newBuilder(app(path)).DELETE());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonArray jsonArray(String body) {
    return Json.createReader(new StringReader(body)).readArray();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(app(path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An access token of the bootstrap API client (every scope), fetched once per test. */
  private String token() throws Exception {
    if (token == null) {
      token = new ApiHttp(base).token(ApiHttp.CLIENT, ApiHttp.SECRET);
    }
    return token;
  }

  /** A URL under the application's context root (the base URL may lack its trailing slash). */
  private URI app(String path) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return URI.create(root).resolve(path);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }
}
