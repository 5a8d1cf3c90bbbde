package io.tonewall.ear;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session's record stays correct across a restart of Tonewall: sessions in every public status
 * written by one {@code bin/tonewall run} on PostgreSQL are read back unchanged by the next one
 * (status, amounts, transactions with outcome and PSP reference, audit entries), the audit trail
 * still verifies intact, an access token issued before the restart is still accepted, and a session
 * left open before the restart can still be driven afterwards.
 */
class SessionsSurviveRestartIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("bin").resolve("tonewall");
  private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
  private static final int HTTP_PORT = 21280;
  private static final String BASE = "http://127.0.0.1:" + HTTP_PORT + "/api/v1/";
  private static final String CLIENT_ID = "restart";
  private static final String CLIENT_SECRET = "restart-" + UUID.randomUUID();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private String database;
  private Path var;
  private Process tonewall;

  @BeforeEach
  void freshDatabase() throws Exception {
    database = "tonewall_restart_" + System.currentTimeMillis();
    try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    }
    var = Files.createTempDirectory(ROOT.resolve("ear").resolve("target"), "restart-var");
  }

  @AfterEach
  void stopAndDropDatabase() throws Exception {
    stop();
    try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  @Test
  void sessionsInEveryStatus_readBackUnchanged_andTheOpenOneCanStillBeDriven() throws Exception {
    // given: one run of Tonewall writes sessions in several states
    start();
    String token = accessToken();
    String approved =
        id(post(token, "token-payments", tokenPayment("sbx_tok_test_approve", 1250), 201));
    String declined =
        id(post(token, "token-payments", tokenPayment("sbx_tok_test_decline", 990), 201));
    String cancelled = id(post(token, "sessions", newSession(700, "order-cancelled"), 201));
    post(token, "sessions/" + cancelled + "/cancel", "", 200);
    String open = id(post(token, "sessions", newSession(4200, "order-open"), 201));
    List<String> ids = List.of(approved, declined, cancelled, open);
    Map<String, JsonObject> sessionsBefore = new LinkedHashMap<>();
    Map<String, JsonStructure> auditBefore = new LinkedHashMap<>();
    for (String id : ids) {
      sessionsBefore.put(id, (JsonObject) get(token, "sessions/" + id));
      auditBefore.put(id, get(token, "audit/sessions/" + id));
    }
    JsonObject verificationBefore = (JsonObject) get(token, "audit/verification");
    assertThat(
        sessionsBefore.get(approved).toString(),
        status(sessionsBefore.get(approved)),
        is("Finished"));
    assertThat(
        sessionsBefore.get(cancelled).toString(),
        status(sessionsBefore.get(cancelled)),
        is("Cancelled"));
    assertThat(
        sessionsBefore.get(open).toString(), status(sessionsBefore.get(open)), is("Initial"));

    // when: Tonewall stops and starts again on the same database
    stop();
    start();

    // then: every record reads back as it was, with a token issued before the restart
    for (String id : ids) {
      assertThat("session " + id, get(token, "sessions/" + id), is(sessionsBefore.get(id)));
      assertThat("audit of " + id, get(token, "audit/sessions/" + id), is(auditBefore.get(id)));
    }
    JsonObject verificationAfter = (JsonObject) get(token, "audit/verification");
    assertThat(verificationAfter.toString(), verificationAfter.getBoolean("intact"), is(true));
    assertThat(
        verificationAfter.getJsonNumber("entriesChecked").longValue(),
        is(verificationBefore.getJsonNumber("entriesChecked").longValue()));

    // and: the session left open goes on, and the chain grows intact
    JsonObject cancelledAfterRestart =
        (JsonObject) post(token, "sessions/" + open + "/cancel", "", 200);
    assertThat(status(cancelledAfterRestart), is("Cancelled"));
    JsonObject verificationLast = (JsonObject) get(token, "audit/verification");
    assertThat(verificationLast.toString(), verificationLast.getBoolean("intact"), is(true));
    assertThat(
        verificationLast.getJsonNumber("entriesChecked").longValue(),
        greaterThan(verificationAfter.getJsonNumber("entriesChecked").longValue()));
  }

  private static String tokenPayment(String token, long amount) {
    return "{\"token\":\"" + token + "\",\"amount\":" + amount + ",\"currency\":\"GBP\"}";
  }

  private static String newSession(long amount, String reference) {
    return "{\"amount\":"
        + amount
        + ",\"currency\":\"EUR\",\"merchantReference\":\""
        + reference
        + "\"}";
  }

  private static String id(JsonStructure session) {
    return ((JsonObject) session).getString("id");
  }

  private static String status(JsonObject session) {
    return session.getString("status");
  }

  private void start() throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("TONEWALL_NO_BUILD", "1");
    environment.put("TONEWALL_HTTP_PORT", String.valueOf(HTTP_PORT));
    environment.put("TONEWALL_SIP_PORT", "15166");
    environment.put("TONEWALL_RTP_PORTS", "21300-21399");
    environment.put("TONEWALL_DB_URL", POSTGRES + database);
    environment.put("TONEWALL_PSP_RECOVERY_DIR", var.resolve("psp").toString());
    environment.put("TONEWALL_KEYS_DIR", var.resolve("keys").toString());
    environment.put("TONEWALL_BOOTSTRAP_CLIENT", CLIENT_ID + ":" + CLIENT_SECRET);
    environment.put("TONEWALL_START_TIMEOUT", "240");
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(List.of("/bin/bash", LAUNCHER.toString(), "run")))
            .directory(ROOT.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    tonewall = builder.start();
    BufferedReader out =
        new BufferedReader(
            new InputStreamReader(tonewall.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    assertThat(
        "bin/tonewall run reports ready", String.valueOf(ready), startsWith("Tonewall is ready"));
  }

  private void stop() throws InterruptedException {
    if (tonewall == null) {
      return;
    }
    tonewall.destroy();
    boolean stopped = tonewall.waitFor(90, TimeUnit.SECONDS);
    if (!stopped) {
      tonewall.destroyForcibly();
    }
    tonewall = null;
    assertThat("Tonewall stops on SIGTERM", stopped, is(true));
  }

  private static String accessToken() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(BASE + "oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.body(), response.statusCode(), is(200));
    return ((JsonObject) parse(response.body())).getString("access_token");
  }

  private static JsonStructure post(String token, String path, String body, int expected)
      throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat("POST " + path + ": " + response.body(), response.statusCode(), is(expected));
    return parse(response.body());
  }

  private static JsonStructure get(String token, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat("GET " + path + ": " + response.body(), response.statusCode(), is(200));
    return parse(response.body());
  }

  private static JsonStructure parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
