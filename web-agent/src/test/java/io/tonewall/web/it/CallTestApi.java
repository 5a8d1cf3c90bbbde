package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The API side of the end-to-end call ITs ({@link AgentAssistedPaymentIT}, {@link IvrPaymentIT},
 * {@link SecurityIncidentIT}): the bootstrap client's token, the run's SIP ports, the set-up of a
 * call that the SIPp agent secures with a session's pairing code, and waits on a session or its
 * audit trail while {@link SippPeers} call. Every body the API answers through it is kept, for the
 * tests that then search them for the card number.
 */
final class CallTestApi {

  /** Tonewall's SIP port in this run (web-agent/pom.xml: 15060 on H2, 15062 on PostgreSQL). */
  static final int TONEWALL_SIP = Integer.getInteger("tonewall.it.sipPort");

  /** Where Tonewall relays calls to: the SIPp agent's port in this run. */
  static final int AGENT_SIP = Integer.getInteger("tonewall.it.agentSipPort");

  /** The database of this run, naming the SIPp peers' folders. */
  static final String RUN = System.getProperty("tonewall.it.database", "h2");

  /** The SIPp peers of a call, and the session once the call was secured. */
  record PairedCall(Process agent, Process caller, JsonObject secured) {}

  private final ApiHttp api;
  private final String token;
  private final List<String> bodies = new ArrayList<>();

  CallTestApi(URL base) throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
  }

  /** The SIPp peers of one test, their logs in {@code target/it-sipp/<name>-<run>}. */
  static SippPeers peers(String name) throws IOException {
    return new SippPeers(name + "-" + RUN);
  }

  ApiHttp http() {
    return api;
  }

  String token() {
    return token;
  }

  /** Every body answered so far, to which a test may add the ones it got otherwise. */
  List<String> bodies() {
    return bodies;
  }

  /** GET {@code path}, which must answer 200; the body. */
  String get(String path) throws Exception {
    HttpResponse<String> response = api.get(path, token);
    bodies.add(response.body());
    assertThat(path + ": " + response.body(), response.statusCode(), is(200));
    return response.body();
  }

  /** POST {@code body} to {@code path}, which must answer {@code expected}; the body. */
  String post(String path, String body, int expected) throws Exception {
    HttpResponse<String> response = api.post(path, body, token);
    bodies.add(response.body());
    assertThat(path + ": " + response.body(), response.statusCode(), is(expected));
    return response.body();
  }

  /** Opens a session with {@code body}, which must be created. */
  JsonObject createSession(String body) throws Exception {
    return ApiHttp.json(post("api/v1/sessions", body, 201));
  }

  /**
   * The SIPp agent answering on {@link #AGENT_SIP} and dialling {@code created}'s pairing code, and
   * a caller running {@code callerScenario} towards Tonewall; returns once the session is SECURED
   * (within 20 s). Audio the caller plays must be written before.
   */
  PairedCall pairedCall(SippPeers sipp, JsonObject created, String callerScenario)
      throws Exception {
    Process agent = sipp.pairingAgent(AGENT_SIP, created.getString("pairingCode"));
    Process caller = sipp.caller(callerScenario, TONEWALL_SIP);
    JsonObject secured =
        awaitSession(created.getString("id"), s -> "SECURED".equals(s.getString("state")), 20);
    return new PairedCall(agent, caller, secured);
  }

  JsonObject session(String id) throws Exception {
    return ApiHttp.json(get("api/v1/sessions/" + id));
  }

  /** The session once {@code condition} holds, reading it every 100 ms for {@code seconds}. */
  JsonObject awaitSession(String id, Predicate<JsonObject> condition, int seconds)
      throws Exception {
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

  /** The session's audit entries, oldest first. */
  List<JsonObject> audit(String id) throws Exception {
    return ApiHttp.jsonArray(get("api/v1/audit/sessions/" + id)).stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** The session's first audit entry of {@code eventType}, waiting up to {@code seconds}. */
  JsonObject awaitAuditEntry(String id, String eventType, int seconds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (true) {
      List<JsonObject> audit = audit(id);
      Optional<JsonObject> entry =
          audit.stream().filter(e -> e.getString("eventType").equals(eventType)).findFirst();
      if (entry.isPresent()) {
        return entry.get();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no audit entry " + eventType + " within " + seconds + " s: " + audit);
      }
      Thread.sleep(200);
    }
  }

  /** Whether {@code name} is missing from {@code object} or null. */
  static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }
}
