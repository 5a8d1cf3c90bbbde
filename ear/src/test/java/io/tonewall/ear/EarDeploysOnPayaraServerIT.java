package io.tonewall.ear;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unpacked Payara Server 6 (full), a fresh domain on port base 21000, {@code tonewall.ear} deployed
 * with {@code asadmin deploy}: readiness must come UP with Tonewall's own checks, and the API must
 * open a session. Fails when the EAR does not deploy.
 */
class EarDeploysOnPayaraServerIT {

  private static final String DOMAIN = "tonewall-it";
  private static final int PORT_BASE = 21000;
  private static final int ADMIN_PORT = PORT_BASE + 48;
  private static final int HTTP_PORT = PORT_BASE + 80;
  private static final int SIP_PORT = 15064;

  /** The SIPp agent Tonewall relays calls to in this test (the server's TONEWALL_AGENT_URI). */
  private static final int AGENT_SIP_PORT = 15074;

  /** SIPp scenarios shared with web-agent's AgentAssistedPaymentIT. */
  private static final Path SCENARIOS =
      Path.of("..", "web-agent", "src", "test", "resources", "sipp").toAbsolutePath().normalize();

  private static final String CLIENT_ID = "ear-it-client";
  private static final String CLIENT_SECRET = "ear-it-secret-0123456789";
  private static final String ADMIN = "ear-it-admin";
  private static final String ADMIN_PASSWORD = "ear-it-password-0123";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path asadmin;
  private static Path domainDir;

  @BeforeAll
  static void startDomainAndDeploy() throws Exception {
    asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
    domainDir = Path.of(System.getProperty("payara.domaindir"));
    if (Files.isDirectory(domainDir.resolve(DOMAIN))) {
      // A domain left by an interrupted run: stop it if it still runs (exit 1 when it does not).
      run(Duration.ofSeconds(60), "stop-domain", "--domaindir", domainDir.toString(), DOMAIN);
      asadmin(Duration.ofSeconds(60), "delete-domain", "--domaindir", domainDir.toString(), DOMAIN);
    }
    asadmin(
        Duration.ofSeconds(120),
        "create-domain",
        "--nopassword",
        "--portbase",
        String.valueOf(PORT_BASE),
        "--domaindir",
        domainDir.toString(),
        DOMAIN);
    asadmin(Duration.ofSeconds(180), "start-domain", "--domaindir", domainDir.toString(), DOMAIN);
    asadmin(
        Duration.ofSeconds(300),
        "--port",
        String.valueOf(ADMIN_PORT),
        "deploy",
        "--name",
        "tonewall",
        System.getProperty("tonewall.ear"));
  }

  @AfterAll
  static void stopDomain() throws Exception {
    asadmin(Duration.ofSeconds(60), "stop-domain", "--domaindir", domainDir.toString(), DOMAIN);
  }

  @Test
  void becomesReady_withTonewallsOwnChecksUp() throws Exception {
    // when
    JsonObject health = awaitReadiness(Duration.ofSeconds(90));

    // then
    assertThat(health.getString("status"), is("UP"));
    List<String> up =
        health.getJsonArray("checks").stream()
            .map(JsonValue::asJsonObject)
            .filter(check -> check.getString("status").equals("UP"))
            .map(check -> check.getString("name"))
            .toList();
    assertThat(up, hasItems("tonewall-database", "tonewall-telephony", "tonewall-psp"));
  }

  @Test
  void opensPaymentSessionThroughTheApi_withAnOAuth2Token() throws Exception {
    // given
    awaitReadiness(Duration.ofSeconds(90));
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> token =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("oauth/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.body(), token.statusCode(), is(200));

    // when
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("sessions")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + json(token.body()).getString("access_token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":999,\"currency\":\"USD\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(created.body(), created.statusCode(), is(201));
    assertThat(json(created.body()).getString("status"), is("Initial"));
  }

  @Test
  void refusesTheApiWithoutAToken() throws Exception {
    // given
    awaitReadiness(Duration.ofSeconds(90));

    // when
    HttpResponse<String> refused =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(api("sessions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":999,\"currency\":\"USD\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(refused.statusCode(), is(401));
  }

  /**
   * The message-driven bean is bound to the adapter embedded in the EAR: a SIPp caller calls in,
   * the SIPp agent dials the session's pairing code, and the session becomes secure — which only
   * the adapter's {@code PAIRED} event, delivered to the MDB, can do.
   */
  @Test
  void agentDiallingThePairingCode_securesTheSession_throughTheMessageDrivenBean()
      throws Exception {
    // given
    awaitReadiness(Duration.ofSeconds(90));
    String token = json(requestToken().body()).getString("access_token");
    JsonObject created =
        json(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(api("sessions")))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"amount\":999,\"currency\":\"USD\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    String code = created.getString("pairingCode");
    Path work = domainDir.resolve("sipp");
    Files.createDirectories(work);
    Path agentScenario = work.resolve("agent_pairing.xml");
    Files.writeString(
        agentScenario,
        Files.readString(SCENARIOS.resolve("agent_pairing.xml"), StandardCharsets.ISO_8859_1)
            .replace("PAIRING_CODE", code),
        StandardCharsets.ISO_8859_1);

    // when
    Process agent =
        sipp(work, "agent", agentScenario, List.of("-p", String.valueOf(AGENT_SIP_PORT)), 23200);
    Process caller =
        sipp(
            work,
            "caller",
            SCENARIOS.resolve("caller_hangup.xml"),
            List.of(
                "127.0.0.1:" + SIP_PORT,
                "-p",
                String.valueOf(freeUdpPort()),
                "-key",
                "reference",
                "ear"),
            23300);
    String state = "";
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline && !state.equals("SECURED")) {
      state =
          json(HTTP.send(
                      HttpRequest.newBuilder(URI.create(api("sessions/" + created.getString("id"))))
                          .header("Authorization", "Bearer " + token)
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body())
              .getString("state");
      TimeUnit.MILLISECONDS.sleep(200);
    }
    boolean callerDone = caller.waitFor(60, TimeUnit.SECONDS);
    boolean agentDone = agent.waitFor(30, TimeUnit.SECONDS);
    caller.destroyForcibly();
    agent.destroyForcibly();

    // then
    assertThat(code.matches("[0-9]{6}"), is(true));
    assertThat(state, is("SECURED"));
    assertThat(Files.readString(work.resolve("caller.log")), callerDone, is(true));
    assertThat(Files.readString(work.resolve("agent.log")), agentDone, is(true));
  }

  /**
   * The console's push channel works inside the EAR: a supervisor signed in through the Faces
   * sign-in page opens {@code /console/push} with the page's own origin and receives the frame of a
   * session an API client opens; a handshake without a signed-in user is closed with 1008 (policy)
   * and gets no frame.
   */
  @Test
  void consolePushChannel_deliversSessionChangesToASignedInSupervisor() throws Exception {
    // given
    awaitReadiness(Duration.ofSeconds(90));
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    signIn(browser, ADMIN, ADMIN_PASSWORD);
    PushListener signedIn = new PushListener();
    WebSocket channel = openPush(browser, signedIn).get(10, TimeUnit.SECONDS);
    PushListener anonymous = new PushListener();
    HttpClient stranger = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    Optional<WebSocket> anonymousChannel = Optional.empty();
    try {
      anonymousChannel = Optional.of(openPush(stranger, anonymous).get(10, TimeUnit.SECONDS));
    } catch (ExecutionException refusedAtHandshake) {
      anonymous.closed.complete(-1);
    }
    String token = json(requestToken().body()).getString("access_token");

    // when
    String sessionId =
        json(HTTP.send(
                    HttpRequest.newBuilder(URI.create(api("sessions")))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"amount\":1250,\"currency\":\"EUR\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
            .getString("id");
    Optional<JsonObject> frame = signedIn.frameOf(sessionId, Duration.ofSeconds(15));
    channel.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    anonymousChannel.ifPresent(WebSocket::abort);

    // then
    assertThat("a push frame for session " + sessionId, frame.isPresent(), is(true));
    assertThat(frame.get().getString("type"), is("session"));
    assertThat(frame.get().getString("status"), is("Initial"));
    int anonymousClose = anonymous.closed.get(10, TimeUnit.SECONDS);
    assertThat(
        "closed with 1008 or refused at the handshake",
        anonymousClose == 1008 || anonymousClose == -1,
        is(true));
    assertThat(anonymous.frames, is(empty()));
  }

  /** Signs in on the Faces sign-in page as a browser would: its form, its view state, one POST. */
  private static void signIn(HttpClient browser, String user, String password) throws Exception {
    String page =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(console("console/signin.xhtml"))).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher viewState =
        Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat("the sign-in page has a view state", viewState.find(), is(true));
    String form =
        formField("signin", "signin")
            + "&"
            + formField("userName", user)
            + "&"
            + formField("password", password)
            + "&"
            + formField("submit", "")
            + "&"
            + formField("jakarta.faces.ViewState", viewState.group(1));
    HttpResponse<String> answer =
        browser.send(
            HttpRequest.newBuilder(URI.create(console("console/signin.xhtml")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body(), answer.uri().getPath().endsWith("signin.xhtml"), is(false));
  }

  private static String formField(String name, String value) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static CompletableFuture<WebSocket> openPush(HttpClient client, PushListener listener) {
    return client
        .newWebSocketBuilder()
        .header("Origin", console("").replaceAll("/$", ""))
        .buildAsync(URI.create("ws://127.0.0.1:" + HTTP_PORT + "/console/push"), listener);
  }

  private static String console(String path) {
    return "http://127.0.0.1:" + HTTP_PORT + "/" + path;
  }

  /** Collects a push channel's text frames and its close code. */
  private static final class PushListener implements WebSocket.Listener {
    final List<String> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.complete(-1);
    }

    Optional<JsonObject> frameOf(String sessionId, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<JsonObject> match =
            frames.stream()
                .map(EarDeploysOnPayaraServerIT::json)
                .filter(frame -> sessionId.equals(frame.getString("sessionId", "")))
                .findFirst();
        if (match.isPresent()) {
          return match;
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
      return Optional.empty();
    }
  }

  private static Process sipp(
      Path work, String name, Path scenario, List<String> arguments, int mediaPort)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario.toString()));
    command.addAll(arguments);
    command.addAll(
        List.of(
            "-i",
            "127.0.0.1",
            "-mi",
            "127.0.0.1",
            "-mp",
            String.valueOf(mediaPort),
            "-m",
            "1",
            "-nostdin",
            "-timeout",
            "60s",
            "-timeout_error"));
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(work.resolve(name + ".log").toFile())
        .start();
  }

  private static int freeUdpPort() throws IOException {
    try (java.net.DatagramSocket socket =
        new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> requestToken() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(api("oauth/token")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String api(String path) {
    return "http://127.0.0.1:" + HTTP_PORT + "/api/v1/" + path;
  }

  private static JsonObject awaitReadiness(Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    Optional<JsonObject> last = Optional.empty();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> ready =
            HTTP.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + HTTP_PORT + "/health/ready"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!ready.body().isBlank()) {
          JsonObject health = json(ready.body());
          last = Optional.of(health);
          if (ready.statusCode() == 200 && health.getJsonArray("checks").size() >= 3) {
            return health;
          }
        }
      } catch (IOException e) {
        last = Optional.empty();
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new AssertionError("not ready within " + limit + "; last answer: " + last);
  }

  private static void asadmin(Duration limit, String... arguments) throws Exception {
    AsadminResult result = run(limit, arguments);
    if (result.exitValue() != 0) {
      throw new AssertionError(
          "asadmin "
              + String.join(" ", arguments)
              + " failed ("
              + result.exitValue()
              + "):\n"
              + result.output());
    }
  }

  private record AsadminResult(int exitValue, String output) {}

  private static AsadminResult run(Duration limit, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(asadmin.toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("TONEWALL_SIP_PORT", String.valueOf(SIP_PORT));
    environment.put("TONEWALL_RTP_PORTS", "21100-21199");
    environment.put("TONEWALL_BIND_ADDRESS", "127.0.0.1");
    environment.put("TONEWALL_AGENT_URI", "sip:agent@127.0.0.1:" + AGENT_SIP_PORT);
    environment.put("TONEWALL_PSP_RECOVERY_DIR", domainDir.resolve("psp-recovery").toString());
    environment.put("TONEWALL_KEYS_DIR", domainDir.resolve("keys").toString());
    environment.put("TONEWALL_BOOTSTRAP_CLIENT", CLIENT_ID + ":" + CLIENT_SECRET);
    environment.put("TONEWALL_BOOTSTRAP_ADMIN", ADMIN + ":" + ADMIN_PASSWORD);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "asadmin " + String.join(" ", arguments) + " did not finish in " + limit);
    }
    return new AsadminResult(process.exitValue(), output);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
