package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's access rules on the real WAR: OAuth2 client-credentials tokens (RFC 6749 errors), 401
 * without or with a bad token, 403 without the scope, 404 for another client's session, and
 * Idempotency-Key replays. The second client, {@code it-other}, comes from {@code
 * TONEWALL_BOOTSTRAP_CLIENTS} (web-agent/pom.xml).
 */
@ExtendWith(TonewallServer.class)
class ApiSecurityIT {

  private static final String NEW_SESSION = "{\"amount\":1050,\"currency\":\"GBP\"}";

  private final URL base = TonewallServer.base();

  private ApiHttp api;

  @BeforeEach
  void connect() {
    api = new ApiHttp(base);
  }

  @Test
  void issuesShortLivedBearerToken_withTheClientsScopes() throws Exception {
    // when
    HttpResponse<String> response = api.requestToken(ApiHttp.CLIENT, ApiHttp.SECRET, null);

    // then
    assertThat(response.statusCode(), is(200));
    assertThat(response.headers().firstValue("Cache-Control").orElseThrow(), is("no-store"));
    JsonObject body = ApiHttp.json(response.body());
    assertThat(body.getString("token_type"), is("Bearer"));
    assertThat(body.getInt("expires_in"), is(300));
    assertThat(
        body.getString("scope"),
        is("payments:refund sessions:read sessions:write webhooks:manage"));
    JsonObject claims = claims(body.getString("access_token"));
    assertThat(claims.getString("sub"), is(ApiHttp.CLIENT));
    assertThat(claims.getString("iss"), is("tonewall"));
    assertThat(claims.getJsonArray("groups").size(), is(4));
    assertThat(claims.getString("jti").isEmpty(), is(false));
  }

  @Test
  void refusesTokenRequests_withRfc6749Errors() throws Exception {
    // when
    HttpResponse<String> wrongSecret =
        api.requestToken(ApiHttp.CLIENT, "not-the-secret-0123456789", null);
    HttpResponse<String> unknownClient =
        api.requestToken("nobody-here", "not-the-secret-0123456789", null);
    HttpResponse<String> tooMuchScope =
        api.requestToken(ApiHttp.OTHER_CLIENT, ApiHttp.OTHER_SECRET, "webhooks:manage");
    HttpResponse<String> otherGrant =
        ApiHttp.send(
            java.net.http.HttpRequest.newBuilder(api.app("api/v1/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=password&client_id=it-client&client_secret="
                            + ApiHttp.SECRET)));

    // then
    assertThat(wrongSecret.statusCode(), is(401));
    assertThat(ApiHttp.json(wrongSecret.body()).getString("error"), is("invalid_client"));
    assertThat(
        wrongSecret.headers().firstValue("WWW-Authenticate").orElseThrow(), startsWith("Basic"));
    assertThat(unknownClient.statusCode(), is(401));
    assertThat(tooMuchScope.statusCode(), is(400));
    assertThat(ApiHttp.json(tooMuchScope.body()).getString("error"), is("invalid_scope"));
    assertThat(otherGrant.statusCode(), is(400));
    assertThat(ApiHttp.json(otherGrant.body()).getString("error"), is("unsupported_grant_type"));
  }

  @Test
  void answers401_withoutToken() throws Exception {
    // when
    HttpResponse<String> create = api.post("api/v1/sessions", NEW_SESSION, null);
    HttpResponse<String> list = api.get("api/v1/webhooks", null);

    // then
    assertThat(create.statusCode(), is(401));
    assertThat(list.statusCode(), is(401));
  }

  @Test
  void answers401_forTamperedToken() throws Exception {
    // given: the claims changed to another client, the signature kept
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String[] parts = token.split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8)
            .replace(ApiHttp.CLIENT, ApiHttp.OTHER_CLIENT);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(UTF_8))
            + "."
            + parts[2];

    // when
    HttpResponse<String> response = api.post("api/v1/sessions", NEW_SESSION, tampered);

    // then
    assertThat(response.statusCode(), is(401));
  }

  @Test
  void answers401_forExpiredToken() throws Exception {
    // given: a token signed with Tonewall's own key, expired a minute ago
    long now = Instant.now().getEpochSecond();
    String expired =
        signed(
            "{\"iss\":\"tonewall\",\"sub\":\"it-client\",\"upn\":\"it-client\","
                + "\"groups\":[\"sessions:write\"],\"iat\":"
                + (now - 600)
                + ",\"exp\":"
                + (now - 60)
                + ",\"jti\":\""
                + UUID.randomUUID()
                + "\"}");

    // when
    HttpResponse<String> response = api.post("api/v1/sessions", NEW_SESSION, expired);

    // then
    assertThat(response.statusCode(), is(401));
  }

  @Test
  void answers403_whenTheTokenLacksTheScope() throws Exception {
    // given
    String readOnly = api.token(ApiHttp.CLIENT, ApiHttp.SECRET, "sessions:read");

    // when
    HttpResponse<String> response = api.post("api/v1/sessions", NEW_SESSION, readOnly);

    // then
    assertThat(response.statusCode(), is(403));
    assertThat(
        response.headers().firstValue("Content-Type").orElseThrow(),
        startsWith("application/problem+json"));
    assertThat(
        response.headers().firstValue("WWW-Authenticate").orElseThrow(),
        containsString("insufficient_scope"));
  }

  @Test
  void answers404_forAnotherClientsSession() throws Exception {
    // given
    String owner = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String other = api.token(ApiHttp.OTHER_CLIENT, ApiHttp.OTHER_SECRET);
    String id =
        ApiHttp.json(api.post("api/v1/sessions", NEW_SESSION, owner).body()).getString("id");

    // when
    HttpResponse<String> read = api.get("api/v1/sessions/" + id, other);
    HttpResponse<String> cancel = api.post("api/v1/sessions/" + id + "/cancel", "", other);

    // then
    assertThat(read.statusCode(), is(404));
    assertThat(cancel.statusCode(), is(404));
    assertThat(api.get("api/v1/sessions/" + id, owner).statusCode(), is(200));
    assertThat(
        ApiHttp.json(api.get("api/v1/sessions/" + id, owner).body()).getString("status"),
        is("Initial"));
  }

  @Test
  void answers404_forATransferOfAnotherClientsCall_andMovesOnlyTheCallersSessions()
      throws Exception {
    // given: the owner's session on a call
    String owner = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String other = api.token(ApiHttp.OTHER_CLIENT, ApiHttp.OTHER_SECRET);
    String call = "it-owned-call_" + UUID.randomUUID();
    String mine = sessionOnCall(call, owner);

    // when: another client (sessions:write, but no session on the call) transfers it
    HttpResponse<String> foreign =
        api.post("api/v1/calls/" + call + "/transfers", "{\"to\":\"" + call + "-x\"}", other);

    // then
    assertThat(foreign.statusCode(), is(404));
    assertThat(ApiHttp.json(foreign.body()).getString("type"), endsWith("/call-not-found"));
    assertThat(callOf(mine, owner), is(call));
    assertThat(
        ApiHttp.jsonArray(api.get("api/v1/calls/" + call + "-x/transactions", owner).body()).size(),
        is(0));

    // when: the other client has a session of its own on that reference and transfers it
    String theirs = sessionOnCall(call, other);
    HttpResponse<String> own =
        api.post("api/v1/calls/" + call + "/transfers", "{\"to\":\"" + call + "-y\"}", other);

    // then: only its own session follows
    assertThat(own.statusCode(), is(204));
    assertThat(callOf(theirs, other), is(call + "-y"));
    assertThat(callOf(mine, owner), is(call));

    // when: the owner transfers its call
    HttpResponse<String> owners =
        api.post("api/v1/calls/" + call + "/transfers", "{\"to\":\"" + call + "-z\"}", owner);

    // then
    assertThat(owners.statusCode(), is(204));
    assertThat(callOf(mine, owner), is(call + "-z"));
    assertThat(callOf(theirs, other), is(call + "-y"));
  }

  @Test
  void replaysTheFirstResponse_forTheSameIdempotencyKeyAndBody() throws Exception {
    // given
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String key = "it_" + UUID.randomUUID();

    // when
    HttpResponse<String> first = api.post("api/v1/sessions", NEW_SESSION, token, key);
    HttpResponse<String> second = api.post("api/v1/sessions", NEW_SESSION, token, key);

    // then
    assertThat(first.statusCode(), is(201));
    assertThat(second.statusCode(), is(201));
    assertThat(second.body(), is(first.body()));
    assertThat(second.headers().firstValue("Idempotent-Replayed").orElseThrow(), is("true"));
    assertThat(first.headers().firstValue("Idempotent-Replayed").isPresent(), is(false));
    assertThat(
        second.headers().firstValue("Location").orElseThrow(),
        is(first.headers().firstValue("Location").orElseThrow()));
  }

  @Test
  void answers422_whenAnIdempotencyKeyComesBackWithAnotherBody() throws Exception {
    // given
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String key = "it_" + UUID.randomUUID();
    api.post("api/v1/sessions", NEW_SESSION, token, key);

    // when
    HttpResponse<String> reused =
        api.post("api/v1/sessions", "{\"amount\":999,\"currency\":\"GBP\"}", token, key);

    // then
    assertThat(reused.statusCode(), is(422));
    assertThat(
        ApiHttp.json(reused.body()).getString("type"), containsString("idempotency-key-reused"));
  }

  @Test
  void keepsIdempotencyKeysApart_perClient() throws Exception {
    // given
    String key = "it_" + UUID.randomUUID();
    String mine = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String theirs = api.token(ApiHttp.OTHER_CLIENT, ApiHttp.OTHER_SECRET);

    // when
    HttpResponse<String> first = api.post("api/v1/sessions", NEW_SESSION, mine, key);
    HttpResponse<String> second = api.post("api/v1/sessions", NEW_SESSION, theirs, key);

    // then
    assertThat(second.statusCode(), is(201));
    assertThat(second.headers().firstValue("Idempotent-Replayed").isPresent(), is(false));
    assertThat(
        ApiHttp.json(second.body()).getString("id"),
        not(ApiHttp.json(first.body()).getString("id")));
  }

  private String sessionOnCall(String call, String token) throws Exception {
    HttpResponse<String> created =
        api.post(
            "api/v1/sessions",
            "{\"amount\":1050,\"currency\":\"GBP\",\"callReference\":\"" + call + "\"}",
            token);
    assertThat(created.body(), created.statusCode(), is(201));
    return ApiHttp.json(created.body()).getString("id");
  }

  private String callOf(String session, String token) throws Exception {
    return ApiHttp.json(api.get("api/v1/sessions/" + session, token).body())
        .getString("callReference");
  }

  @Test
  void replaysATokenPayment_answeredInOneTransactionWithItsKey() throws Exception {
    // given
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String key = "it_" + UUID.randomUUID();
    String reference = "idem_" + UUID.randomUUID();
    String body = tokenPayment(reference, "sbx_tok_test_approve");

    // when
    HttpResponse<String> first = api.post("api/v1/token-payments", body, token, key);
    HttpResponse<String> second = api.post("api/v1/token-payments", body, token, key);
    HttpResponse<String> reused =
        api.post(
            "api/v1/token-payments", tokenPayment(reference, "sbx_tok_test_decline"), token, key);

    // then
    assertThat(first.statusCode(), is(201));
    assertThat(first.headers().firstValue("Idempotent-Replayed").isPresent(), is(false));
    assertThat(second.statusCode(), is(201));
    assertThat(second.body(), is(first.body()));
    assertThat(second.headers().firstValue("Idempotent-Replayed").orElseThrow(), is("true"));
    assertThat(reused.statusCode(), is(422));
    assertThat(sessionsWithReference(token, reference), is(1L));
  }

  @Test
  void paysOnce_forConcurrentTokenPaymentsWithTheSameKey() throws Exception {
    // given
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String key = "it_" + UUID.randomUUID();
    String reference = "idem_" + UUID.randomUUID();
    String body = tokenPayment(reference, "sbx_tok_test_approve");
    ExecutorService clients = Executors.newFixedThreadPool(8);

    // when
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        answers.add(clients.submit(() -> api.post("api/v1/token-payments", body, token, key)));
      }
    } finally {
      clients.shutdown();
    }

    // then: one payment; every other answer its replay or "in progress"
    Set<String> paidSessions = new HashSet<>();
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
      assertThat(response.body(), response.statusCode(), anyOf(is(201), is(409)));
      if (response.statusCode() == 201) {
        paidSessions.add(ApiHttp.json(response.body()).getString("id"));
      } else {
        assertThat(
            ApiHttp.json(response.body()).getString("type"),
            containsString("idempotency-key-in-progress"));
      }
    }
    assertThat(paidSessions.size(), is(1));
    assertThat(sessionsWithReference(token, reference), is(1L));
    HttpResponse<String> later = api.post("api/v1/token-payments", body, token, key);
    assertThat(later.statusCode(), is(201));
    assertThat(ApiHttp.json(later.body()).getString("id"), is(paidSessions.iterator().next()));
  }

  @Test
  void replaysARefusedTokenPayment_whoseWorkRolledBack() throws Exception {
    // given: a PSP configuration that does not exist (400, nothing written)
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    String key = "it_" + UUID.randomUUID();
    String reference = "idem_" + UUID.randomUUID();
    String body =
        tokenPayment(reference, "sbx_tok_test_approve")
            .replace("{", "{\"pspConfiguration\":\"no-such-psp\",");

    // when
    HttpResponse<String> first = api.post("api/v1/token-payments", body, token, key);
    HttpResponse<String> second = api.post("api/v1/token-payments", body, token, key);

    // then
    assertThat(first.body(), first.statusCode(), is(400));
    assertThat(second.statusCode(), is(400));
    assertThat(second.body(), is(first.body()));
    assertThat(second.headers().firstValue("Idempotent-Replayed").orElseThrow(), is("true"));
    assertThat(sessionsWithReference(token, reference), is(0L));
  }

  private static String tokenPayment(String reference, String pspToken) {
    return "{\"token\":\""
        + pspToken
        + "\",\"amount\":1250,\"currency\":\"GBP\",\"merchantReference\":\""
        + reference
        + "\"}";
  }

  /** How many of the client's latest 100 sessions carry {@code reference}. */
  private long sessionsWithReference(String token, String reference) throws Exception {
    HttpResponse<String> page = api.get("api/v1/sessions?size=100", token);
    assertThat(page.statusCode(), is(200));
    return ApiHttp.json(page.body()).getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .filter(session -> reference.equals(session.getString("merchantReference", null)))
        .count();
  }

  private static JsonObject claims(String token) {
    return ApiHttp.json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), UTF_8));
  }

  /** Signs claims with Tonewall's own key, read from TONEWALL_KEYS_DIR as the server does. */
  private static String signed(String claims) throws Exception {
    String pem =
        Files.readString(Path.of(System.getenv("TONEWALL_KEYS_DIR"), "token-signing-key.pem"));
    byte[] der =
        Base64.getMimeDecoder()
            .decode(
                pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .strip());
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String input =
        url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(UTF_8))
            + "."
            + url.encodeToString(claims.getBytes(UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(input.getBytes(UTF_8));
    return input + "." + url.encodeToString(rs256.sign());
  }
}
