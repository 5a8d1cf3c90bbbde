package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The console in real headless Chromium (Debian's chromium and chromedriver) on the real WAR: sign
 * in, an agent's payment seen live by a supervisor, API client administration, languages, the push
 * channel's origin check, and an HTTP session that expires mid-payment. The administrator is {@code
 * TONEWALL_BOOTSTRAP_ADMIN} (web-agent/pom.xml). Screenshots: target/screenshots/.
 *
 * <p>Runs on PostgreSQL only (tag {@code database-incidental}, web-agent/pom.xml): what it tests is
 * the browser side (Faces pages, the push channel, languages, the HTTP session); the rows it writes
 * (agents, API clients, sessions) go through the JPA code that {@link SessionsApiIT}, {@link
 * ApiSecurityIT} and {@link PlatformIT} run on both databases.
 */
@Tag("database-incidental")
@ExtendWith(TonewallServer.class)
class ConsoleBrowserIT {

  static final String ADMIN = "it-admin";
  static final String ADMIN_PASSWORD = "it-admin-password-0123";
  static final String AGENT_PASSWORD = "it-agent-password-0123";

  private final URL base = TonewallServer.base();

  private URI root;

  @BeforeEach
  void root() {
    root = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
  }

  @Test
  void signIn_answersAWrongPasswordGenerically_thenLetsTheRightOneIn() throws Exception {
    try (ConsoleBrowser browser = new ConsoleBrowser(root, "en")) {
      // given: a protected page sends the visitor to sign in
      browser.open("console/agent.xhtml");
      browser.until("#password");

      // when
      browser.signIn(ADMIN, "not-the-password");
      browser.untilText("#messages", "Wrong user name or password.");
      String refused = browser.driver().getPageSource();
      browser.screenshot("signin-refused");
      browser.signIn("nobody-at-all", "not-the-password");
      browser.untilText("#messages", "Wrong user name or password.");
      String unknown = browser.driver().getPageSource();
      browser.signIn(ADMIN, ADMIN_PASSWORD);

      // then
      browser.untilText("#user", ADMIN);
      browser.screenshot("signed-in");
      assertThat(refused, not(containsString("not-the-password")));
      assertThat(unknown, not(containsString("unknown user")));
      assertThat(browser.driver().getCurrentUrl(), containsString("/console/index.xhtml"));
    }
  }

  @Test
  void agentStartsAPayment_seesThePairingCode_andASupervisorSeesItLive() throws Exception {
    String agent = "agent-live";
    try (ConsoleBrowser supervisor = new ConsoleBrowser(root, "en");
        ConsoleBrowser agentBrowser = new ConsoleBrowser(root, "en")) {
      // given: an agent created by the administrator, who then watches the live list
      supervisor.open("console/admin.xhtml");
      supervisor.signIn(ADMIN, ADMIN_PASSWORD);
      createAgent(supervisor, agent);
      supervisor.open("console/supervisor.xhtml");
      supervisor.until("#live\\:sessions");
      Thread.sleep(1000); // the push channel opens after the page loads

      // when
      agentBrowser.open("console/agent.xhtml");
      agentBrowser.signIn(agent, AGENT_PASSWORD);
      agentBrowser.open("console/agent.xhtml");
      startPayment(agentBrowser, "12.34");

      // then
      String pairingCode = agentBrowser.text("#pairingCode");
      String sessionId = agentBrowser.text("#sessionId");
      agentBrowser.screenshot("agent-payment-started");
      assertThat(pairingCode, matchesPattern("[0-9]{4,8}"));
      assertThat(agentBrowser.attribute("#secure", "data-state"), is("waiting"));
      supervisor.untilText("#live\\:sessions", sessionId);
      supervisor.screenshot("supervisor-live-list");
      assertThat(supervisor.webSocketFrames().toString(), containsString(sessionId));
    }
  }

  @Test
  void administratorCreatesAnApiClient_whoseSecretIsShownOnceAndWorks() throws Exception {
    try (ConsoleBrowser browser = new ConsoleBrowser(root, "en")) {
      // given
      browser.open("console/admin.xhtml");
      browser.signIn(ADMIN, ADMIN_PASSWORD);
      browser.open("console/admin.xhtml");

      // when
      browser.type("#clients\\:clientId", "console-made-client");
      browser.click("#clients\\:create");
      String secret = browser.text("#secret");
      browser.screenshot("admin-client-created");
      browser.open("console/admin.xhtml");

      // then: shown once, never again, and it authenticates at the token endpoint
      assertThat(browser.driver().getPageSource(), not(containsString(secret)));
      assertThat(browser.driver().getPageSource(), containsString("console-made-client"));
      HttpResponse<String> token =
          new ApiHttp(base).requestToken("console-made-client", secret, null);
      assertThat(token.statusCode(), is(200));
    }
  }

  @Test
  void administratorSetsASurchargeAndDisablesAConfiguration_andTheApiFollows() throws Exception {
    ApiHttp api = new ApiHttp(base);
    String token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    try (ConsoleBrowser browser = new ConsoleBrowser(root, "en")) {
      browser.open("console/admin.xhtml");
      browser.signIn(ADMIN, ADMIN_PASSWORD);
      browser.open("console/admin.xhtml");
      try {
        // when: the administrator sets a 1.5 % surcharge on the sandbox configuration
        browser.type("#psps\\:pspSurcharge", "150");
        browser.click("#psps\\:changePsp");
        browser.untilText("#psps\\:psp", "150");

        // then: the API lists it, and a new session carries it
        JsonObject listed = sandbox(api, token);
        assertThat(listed.toString(), listed.getInt("surchargeBasisPoints"), is(150));
        assertThat(listed.getBoolean("usable"), is(true));
        HttpResponse<String> created =
            api.post("api/v1/sessions", "{\"amount\":1000,\"currency\":\"GBP\"}", token);
        assertThat(created.body(), created.statusCode(), is(201));
        assertThat(
            ApiHttp.json(created.body()).getJsonObject("payment").getInt("surcharge"), is(15));

        // when: the administrator disables the configuration
        browser.click("#psps\\:pspEnabled .ui-chkbox-box");
        browser.type("#psps\\:pspSurcharge", "0");
        browser.click("#psps\\:changePsp");
        browser.untilText("#psps .psp-enabled", "no");
        browser.screenshot("admin-psp-disabled");

        // then: new sessions on it are refused with a problem that says why
        HttpResponse<String> refused =
            api.post("api/v1/sessions", "{\"amount\":1000,\"currency\":\"GBP\"}", token);
        assertThat(refused.body(), refused.statusCode(), is(400));
        assertThat(
            ApiHttp.json(refused.body()).getString("detail"),
            containsString("disabled by an administrator"));
        assertThat(sandbox(api, token).getBoolean("usable"), is(false));
      } finally {
        // the other tests of this class pay through the sandbox configuration
        browser.open("console/admin.xhtml");
        if (!browser
            .driver()
            .findElement(By.cssSelector("#psps\\:pspEnabled input"))
            .isSelected()) {
          browser.click("#psps\\:pspEnabled .ui-chkbox-box");
        }
        browser.type("#psps\\:pspSurcharge", "0");
        browser.click("#psps\\:changePsp");
      }
      browser.untilText("#psps .psp-enabled", "yes");
      assertThat(sandbox(api, token).getBoolean("usable"), is(true));
    }
  }

  private static JsonObject sandbox(ApiHttp api, String token) throws Exception {
    HttpResponse<String> listed = api.get("api/v1/psp-configurations", token);
    assertThat(listed.body(), listed.statusCode(), is(200));
    return ApiHttp.jsonArray(listed.body()).stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("id").equals("sandbox"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sandbox configuration in " + listed.body()));
  }

  @Test
  void showsTheConsoleInTheBrowsersLanguage() throws Exception {
    try (ConsoleBrowser french = new ConsoleBrowser(root, "fr");
        ConsoleBrowser japanese = new ConsoleBrowser(root, "ja")) {
      // when
      french.open("console/signin.xhtml");
      japanese.open("console/signin.xhtml");

      // then
      french.untilText("h1", "Connexion");
      japanese.untilText("h1", "サインイン");
      assertThat(french.text("label[for=password]"), containsString("Mot de passe"));
      assertThat(japanese.attribute("html", "lang"), is("ja"));
      french.signIn(ADMIN, "wrong-password-here");
      french.untilText("#messages", "Nom d'utilisateur ou mot de passe incorrect.");
      french.screenshot("signin-fr");
      japanese.screenshot("signin-ja");
    }
  }

  @Test
  void pushChannel_refusesAForeignOrigin_andAnonymousHandshakes() throws Exception {
    try (ConsoleBrowser browser = new ConsoleBrowser(root, "en")) {
      // given: a signed-in agent's session cookie
      browser.open("console/index.xhtml");
      browser.signIn(ADMIN, ADMIN_PASSWORD);
      browser.untilText("#user", ADMIN);
      Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
      URI push = URI.create(root.toString().replaceFirst("^http", "ws")).resolve("console/push");
      String ownOrigin = root.getScheme() + "://" + root.getRawAuthority();

      // when
      Throwable foreign =
          handshake(push, "http://evil.example", "JSESSIONID=" + session.getValue());
      Throwable anonymous = handshake(push, ownOrigin, null);
      Throwable own = handshake(push, ownOrigin, "JSESSIONID=" + session.getValue());

      // then
      assertThat(String.valueOf(foreign), foreign instanceof WebSocketHandshakeException, is(true));
      assertThat(((WebSocketHandshakeException) foreign).getResponse().statusCode(), is(403));
      assertThat(
          String.valueOf(anonymous), anonymous instanceof WebSocketHandshakeException, is(true));
      assertThat("the same origin with a signed-in cookie opens", own, is((Throwable) null));
    }
  }

  @Test
  void anExpiredHttpSessionMidPayment_goesBackToSignIn_andThePaymentIsIntact() throws Exception {
    String agent = "agent-expiry";
    try (ConsoleBrowser admin = new ConsoleBrowser(root, "en");
        ConsoleBrowser browser = new ConsoleBrowser(root, "en")) {
      admin.open("console/admin.xhtml");
      admin.signIn(ADMIN, ADMIN_PASSWORD);
      createAgent(admin, agent);
      browser.open("console/agent.xhtml");
      browser.signIn(agent, AGENT_PASSWORD);
      browser.open("console/agent.xhtml");
      startPayment(browser, "20.00");
      String sessionId = browser.text("#sessionId");

      // when: the HTTP session is gone (as after its timeout) and the agent clicks on
      browser.driver().manage().deleteCookieNamed("JSESSIONID");
      browser.type("#agent\\:name", "Ada Lovelace");
      browser.click("#agent\\:saveCustomer");

      // then
      browser.until("#expired");
      browser.screenshot("expired-back-to-signin");
      browser.signIn(agent, AGENT_PASSWORD);
      browser.untilText("#user", agent);
      browser.open("console/agent.xhtml");
      assertThat(browser.text("#sessionId"), is(sessionId));
      assertThat(browser.text("#status"), is("Initial"));
      browser.screenshot("expired-payment-intact");
    }
  }

  static void createAgent(ConsoleBrowser admin, String name) {
    admin.open("console/admin.xhtml");
    admin.until("#users\\:userName");
    if (admin.driver().getPageSource().contains(">" + name + "<")) {
      return;
    }
    admin.type("#users\\:userName", name);
    admin.type("#users\\:password", AGENT_PASSWORD);
    admin.click("#users\\:create");
    admin.untilText("#users\\:list", name);
  }

  static void startPayment(ConsoleBrowser browser, String amount) {
    browser.type("#agent\\:amount", amount);
    browser.type("#agent\\:reference", "it-order-" + amount);
    browser.click("#agent\\:start");
    browser.until("#pairingCode");
  }

  private static Throwable handshake(URI uri, String origin, String cookie) {
    WebSocket.Builder builder =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .header("Origin", origin);
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    try {
      WebSocket socket =
          builder.buildAsync(uri, new WebSocket.Listener() {}).get(20, TimeUnit.SECONDS);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      return e;
    }
  }
}
