package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The thin path through every module, on the real build outputs: a session created and read over
 * the API, readiness from Tonewall's own checks, and SIP OPTIONS answered by the telephony adapter.
 * Runs once against H2 and once against PostgreSQL.
 */
@ExtendWith(TonewallServer.class)
class PlatformIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URL base = TonewallServer.base();

  private ApiHttp api;
  private String token;

  @BeforeEach
  void obtainToken() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
  }

  @Test
  void createsSessionAndReadsItBack() throws Exception {
    // given
    String body = "{\"amount\":1050,\"currency\":\"GBP\",\"merchantReference\":\"order-17\"}";

    // when
    HttpResponse<String> created = post("api/v1/sessions", body);

    // then
    assertThat(created.statusCode(), is(201));
    JsonObject session = json(created.body());
    String id = session.getString("id");
    assertThat(created.headers().firstValue("Location").orElseThrow(), startsWith(base.toString()));
    assertThat(session.getString("status"), is("Initial"));
    assertThat(session.getString("mode"), is("AGENT_ASSIST"));
    assertThat(session.getString("transactionType"), is("SALE"));

    // when
    HttpResponse<String> read = get("api/v1/sessions/" + id);

    // then
    assertThat(read.statusCode(), is(200));
    JsonObject again = json(read.body());
    assertThat(again.getString("id"), is(id));
    assertThat(again.getJsonNumber("amount").longValue(), is(1050L));
    assertThat(again.getString("currency"), is("GBP"));
    assertThat(again.getString("merchantReference"), is("order-17"));
  }

  @Test
  void cancelsSession_andRefusesSecondCancel() throws Exception {
    // given
    String id =
        json(post("api/v1/sessions", "{\"amount\":500,\"currency\":\"EUR\"}").body())
            .getString("id");

    // when
    HttpResponse<String> cancelled = post("api/v1/sessions/" + id + "/cancel", "");
    HttpResponse<String> again = post("api/v1/sessions/" + id + "/cancel", "");

    // then
    assertThat(cancelled.statusCode(), is(200));
    assertThat(json(cancelled.body()).getString("status"), is("Cancelled"));
    assertThat(json(get("api/v1/sessions/" + id).body()).getString("status"), is("Cancelled"));
    assertThat(again.statusCode(), is(409));
    assertThat(
        again.headers().firstValue("Content-Type").orElseThrow(),
        startsWith("application/problem+json"));
  }

  @Test
  void answersProblemDetails_forBadInput() throws Exception {
    // when
    HttpResponse<String> badCurrency =
        post("api/v1/sessions", "{\"amount\":1,\"currency\":\"XXY\"}");
    HttpResponse<String> malformed = post("api/v1/sessions", "{\"amount\":");
    HttpResponse<String> unknown = get("api/v1/sessions/00000000-0000-0000-0000-000000000000");

    // then
    assertThat(badCurrency.statusCode(), is(400));
    assertThat(json(badCurrency.body()).getString("detail"), containsString("ISO 4217"));
    assertThat(malformed.statusCode(), is(400));
    assertThat(json(malformed.body()).getString("type"), containsString("malformed-body"));
    assertThat(unknown.statusCode(), is(404));
    assertThat(
        unknown.headers().firstValue("Content-Type").orElseThrow(),
        startsWith("application/problem+json"));
  }

  @Test
  void refusesCardNumberInMerchantReference_withoutEchoingIt() throws Exception {
    // when
    HttpResponse<String> refused =
        post(
            "api/v1/sessions",
            "{\"amount\":100,\"currency\":\"GBP\",\"merchantReference\":\"4111 1111 1111 1111\"}");

    // then
    assertThat(refused.statusCode(), is(400));
    assertThat(json(refused.body()).getString("detail"), containsString("card number"));
    assertThat(refused.body(), not(containsString("4111")));
  }

  @Test
  void isReady_withTonewallsOwnChecksUp() throws Exception {
    // when
    HttpResponse<String> ready = get(healthUri());

    // then
    assertThat(ready.statusCode(), is(200));
    JsonObject health = json(ready.body());
    assertThat(health.getString("status"), is("UP"));
    List<String> upChecks =
        health.getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(check -> check.getString("status").equals("UP"))
            .map(check -> check.getString("name"))
            .toList();
    assertThat(upChecks, hasItems("tonewall-database", "tonewall-telephony", "tonewall-psp"));
  }

  @Test
  void telephonyAdapterAnswersSipOptions() throws Exception {
    // given
    int sipPort = Integer.getInteger("tonewall.it.sipPort");
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5000);
      byte[] options =
          ("OPTIONS sip:tonewall@127.0.0.1:"
                  + sipPort
                  + " SIP/2.0\r\n"
                  + "Via: SIP/2.0/UDP 127.0.0.1:"
                  + socket.getLocalPort()
                  + ";branch=z9hG4bK-it-options\r\n"
                  + "Max-Forwards: 70\r\n"
                  + "From: <sip:it@127.0.0.1>;tag=it\r\n"
                  + "To: <sip:tonewall@127.0.0.1>\r\n"
                  + "Call-ID: platform-it-options\r\n"
                  + "CSeq: 1 OPTIONS\r\n"
                  + "Content-Length: 0\r\n\r\n")
              .getBytes(US_ASCII);

      // when
      socket.send(
          new DatagramPacket(options, options.length, InetAddress.getLoopbackAddress(), sipPort));
      DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
      socket.receive(answer);

      // then
      String response = new String(answer.getData(), 0, answer.getLength(), US_ASCII);
      assertThat(response, startsWith("SIP/2.0 200 OK"));
      assertThat(response, matchesPattern("(?s).*CSeq: 1 OPTIONS.*"));
    }
  }

  @Test
  void servesStatusPage_withSystemStatus() throws Exception {
    // when
    HttpResponse<String> page = get("status.xhtml");

    // then
    assertThat(page.statusCode(), is(200));
    assertThat(page.body(), containsString("<dd id=\"database\">answering</dd>"));
    assertThat(page.body(), matchesPattern("(?s).*SIP listening on [0-9]+ \\(udp,tcp\\).*"));
  }

  @Test
  void sendsConsoleVisitors_toSignIn() throws Exception {
    // when
    HttpResponse<String> console = get("console/agent.xhtml");
    HttpResponse<String> signIn = get("console/signin.xhtml");

    // then
    assertThat(console.statusCode(), is(302));
    assertThat(
        console.headers().firstValue("Location").orElseThrow(),
        containsString("/console/signin.xhtml"));
    assertThat(signIn.statusCode(), is(200));
    assertThat(signIn.body(), containsString("id=\"password\""));
    String cookie =
        signIn.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("JSESSIONID"))
            .findFirst()
            .orElseThrow();
    assertThat(cookie, containsString("HttpOnly"));
    assertThat(cookie.toLowerCase(java.util.Locale.ROOT), containsString("samesite=strict"));
    assertThat("not Secure over plain HTTP", cookie.contains("Secure"), is(false));
  }

  @Test
  void servesOpenApiDocument_listingSessions() throws Exception {
    // when
    HttpResponse<String> document = get(base.toURI().resolve("/openapi"));

    // then
    assertThat(document.statusCode(), is(200));
    assertThat(document.body(), containsString("/api/v1/sessions"));
  }

  @Test
  @EnabledIfSystemProperty(named = "tonewall.it.database", matches = "postgresql")
  void createsBootstrapClient_storingOnlyAHashOfItsSecret() throws Exception {
    // given: TONEWALL_BOOTSTRAP_CLIENT=it-client:it-secret-0123456789abcdef (see pom.xml)
    try (Connection db =
            DriverManager.getConnection(System.getProperty("tonewall.it.jdbcUrl"), "postgres", "");
        PreparedStatement query =
            db.prepareStatement("SELECT secret_hash, scopes FROM api_client WHERE client_id = ?")) {
      query.setString(1, "it-client");

      // when
      try (ResultSet row = query.executeQuery()) {

        // then
        assertThat(row.next(), is(true));
        assertThat(row.getString("secret_hash"), startsWith("pbkdf2-sha512$210000$"));
        assertThat(row.getString("secret_hash"), not(containsString("it-secret")));
        assertThat(row.getString("scopes"), containsString("sessions:write"));
      }
    }
  }

  private URI healthUri() throws Exception {
    return base.toURI().resolve("/health/ready");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return path.startsWith("api/") ? api.get(path, token) : get(app(path));
  }

  /** A URL under the application's context root (the base URL may lack its trailing slash). */
  private URI app(String path) throws Exception {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return URI.create(root).resolve(path);
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return api.post(path, body, token);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
