package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The leak sentinel's alarm end to end, nothing mocked: a SIPp caller on a call secured by the
 * agent's pairing code sends dual tones with 15.5 dB of twist, which the masker does not take for
 * keys and the deliberately over-sensitive sentinel flags on the audio sent to the agent. Its
 * {@code LEAK_SUSPECTED} events reach the session through the telephony adapter's inflow and the
 * message-driven bean: audit entries {@code security.leak_suspected} and the session's {@code
 * securityIncidents}; the hang-up closes the secure window with a verdict that counts them.
 *
 * <p>Runs on PostgreSQL only (tag {@code database-incidental}, web-agent/pom.xml): what it adds is
 * the leak sentinel's path from the audio to the session; its writes (audit entries through the
 * audit chain's lock, the session's counter) are those {@link AgentAssistedPaymentIT} makes on both
 * databases (the hang-up test's {@code security.secure_window_closed}).
 */
@Tag("database-incidental")
@ExtendWith(TonewallServer.class)
class SecurityIncidentIT {

  private final URL base = TonewallServer.base();

  @Test
  void twistedTonesOnASecureCall_areSecurityIncidents_inTheAuditTrailAndTheSession()
      throws Exception {
    CallTestApi api = new CallTestApi(base);
    try (SippPeers sipp = CallTestApi.peers("leak")) {
      // given: a session whose call the agent secures with the pairing code
      sipp.twistedToneAudio(3, 200, 200, 15.5);
      JsonObject created = api.createSession("{\"amount\":500,\"currency\":\"EUR\"}");
      String id = created.getString("id");
      CallTestApi.PairedCall call = api.pairedCall(sipp, created, "caller_leak.xml");
      assertThat(api.session(id).getInt("securityIncidents"), is(0));

      // when: the caller sends the tones, then hangs up
      JsonObject incident = api.awaitAuditEntry(id, "security.leak_suspected", 20);
      assertThat(sipp.log("caller"), SippPeers.await(call.caller(), 60), is(0));
      assertThat(sipp.log("agent"), SippPeers.await(call.agent(), 30), is(0));

      // then: each suspicious frame is an incident; the window's verdict counts them
      JsonObject window = api.awaitAuditEntry(id, "security.secure_window_closed", 20);
      List<JsonObject> audit = api.audit(id);
      long incidents =
          audit.stream()
              .filter(e -> e.getString("eventType").equals("security.leak_suspected"))
              .count();
      assertThat(incident.getString("detail"), matchesPattern(".*call=.*"));
      assertThat(incidents, greaterThanOrEqualTo(1L));
      assertThat(api.session(id).getInt("securityIncidents"), is((int) incidents));
      assertThat(
          window.getString("detail"),
          matchesPattern(".*suspiciousFrames=" + incidents + " framesExamined=[1-9][0-9]*.*"));
      assertThat(audit.stream().map(e -> e.getString("eventType")).toList(), hasItem("call.ended"));
      // no card field was requested: the tones were never taken for keys
      assertThat(
          api.session(id).getJsonArray("cardFields").stream()
              .map(JsonValue::asJsonObject)
              .allMatch(f -> f.getInt("digits") == 0),
          is(true));
    }
  }
}
