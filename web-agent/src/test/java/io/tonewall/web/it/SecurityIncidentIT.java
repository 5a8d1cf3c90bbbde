package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The leak sentinel's alarm end to end, nothing mocked: a SIPp caller on a call secured by the
 * agent's pairing code sends dual tones with 15.5 dB of twist, which the masker does not take for
 * keys and the deliberately over-sensitive sentinel flags on the audio sent to the agent. Its
 * {@code LEAK_SUSPECTED} events reach the session through the telephony adapter's inflow and the
 * message-driven bean: audit entries {@code security.leak_suspected} and the session's {@code
 * securityIncidents}; the hang-up closes the secure window with a verdict that counts them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIncidentIT {

  private static final int TONEWALL_SIP = Integer.getInteger("tonewall.it.sipPort");
  private static final int AGENT_SIP = Integer.getInteger("tonewall.it.agentSipPort");
  private static final String RUN = System.getProperty("tonewall.it.database", "h2");

  @ArquillianResource private URL base;

  private ApiHttp api;
  private String token;

  @Deployment(testable = false)
  static WebArchive tonewall() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("tonewall.war")));
  }

  @Test
  void twistedTonesOnASecureCall_areSecurityIncidents_inTheAuditTrailAndTheSession()
      throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
    try (SippPeers sipp = new SippPeers("leak-" + RUN)) {
      // given: a session whose call the agent secures with the pairing code
      sipp.twistedToneAudio(3, 200, 200, 15.5);
      HttpResponse<String> created =
          api.post("api/v1/sessions", "{\"amount\":500,\"currency\":\"EUR\"}", token);
      assertThat(created.body(), created.statusCode(), is(201));
      String id = ApiHttp.json(created.body()).getString("id");
      Process agent =
          sipp.pairingAgent(AGENT_SIP, ApiHttp.json(created.body()).getString("pairingCode"));
      Process caller = sipp.caller("caller_leak.xml", TONEWALL_SIP);
      awaitSession(id, s -> "SECURED".equals(s.getString("state")), 20);
      assertThat(session(id).getInt("securityIncidents"), is(0));

      // when: the caller sends the tones, then hangs up
      JsonObject incident = awaitAuditEntry(id, "security.leak_suspected", 20);
      assertThat(sipp.log("caller"), SippPeers.await(caller, 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(agent, 30), is(0));

      // then: each suspicious frame is an incident; the window's verdict counts them
      JsonObject window = awaitAuditEntry(id, "security.secure_window_closed", 20);
      List<JsonObject> audit = audit(id);
      long incidents =
          audit.stream()
              .filter(e -> e.getString("eventType").equals("security.leak_suspected"))
              .count();
      assertThat(incident.getString("detail"), matchesPattern(".*call=.*"));
      assertThat(incidents, greaterThanOrEqualTo(1L));
      assertThat(session(id).getInt("securityIncidents"), is((int) incidents));
      assertThat(
          window.getString("detail"),
          matchesPattern(".*suspiciousFrames=" + incidents + " framesExamined=[1-9][0-9]*.*"));
      assertThat(audit.stream().map(e -> e.getString("eventType")).toList(), hasItem("call.ended"));
      // no card field was requested: the tones were never taken for keys
      assertThat(
          session(id).getJsonArray("cardFields").stream()
              .map(JsonValue::asJsonObject)
              .allMatch(f -> f.getInt("digits") == 0),
          is(true));
    }
  }

  private JsonObject session(String id) throws Exception {
    HttpResponse<String> response = api.get("api/v1/sessions/" + id, token);
    assertThat(response.body(), response.statusCode(), is(200));
    return ApiHttp.json(response.body());
  }

  private List<JsonObject> audit(String id) throws Exception {
    HttpResponse<String> response = api.get("api/v1/audit/sessions/" + id, token);
    assertThat(response.body(), response.statusCode(), is(200));
    return ApiHttp.jsonArray(response.body()).stream().map(JsonValue::asJsonObject).toList();
  }

  private JsonObject awaitAuditEntry(String id, String eventType, int seconds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (true) {
      Optional<JsonObject> entry =
          audit(id).stream().filter(e -> e.getString("eventType").equals(eventType)).findFirst();
      if (entry.isPresent()) {
        return entry.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no audit entry " + eventType + " within " + seconds + " s: " + audit(id));
      }
      Thread.sleep(200);
    }
  }

  private JsonObject awaitSession(
      String id, java.util.function.Predicate<JsonObject> condition, int seconds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    JsonObject last = null;
    while (Instant.now().isBefore(deadline)) {
      last = session(id);
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("session not as expected within " + seconds + " s: " + last);
  }
}
