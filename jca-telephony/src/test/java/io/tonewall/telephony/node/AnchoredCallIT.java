package io.tonewall.telephony.node;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.fail;

import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.spi.TelephonySettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on loopback, no application server: Tonewall's node (B2BUA + relay) between a SIPp
 * caller and a SIPp agent, the agent's received RTP captured with tshark and checked with spandsp's
 * dtmfcheck.
 */
class AnchoredCallIT {

  /** The issue's figure: after this many calls nothing may remain allocated. */
  private static final int CALLS = 1_000;

  private static final String CARD = "4111111111111111";

  /** SIPp's play_dtmf sends telephone-events as payload type 96, whatever SDP says. */
  private static final String TELEPHONE_EVENT = "96";

  private final BlockingQueue<TelephonyEvent> events = new LinkedBlockingQueue<>();
  private final List<TelephonyEvent> allEvents = new CopyOnWriteArrayList<>();
  private ExecutorService relayThreads;
  private TelephonyNode node;
  private int tonewallPort;
  private int agentPort;
  private int agentMedia;
  private int callerPort;
  private int callerMedia;

  @BeforeEach
  void startNode() throws Exception {
    tonewallPort = Loopback.freePort();
    agentPort = Loopback.freePort();
    callerPort = Loopback.freePort();
    agentMedia = 21000;
    callerMedia = 22000;
    TelephonySettings settings =
        TelephonySettings.raw()
            .bindAddress("127.0.0.1")
            .sipPort(String.valueOf(tonewallPort))
            .rtpPorts("20000-20799")
            .agentUri("sip:agent@127.0.0.1:" + agentPort)
            .pairingCodeLength("6")
            .maskingLookaheadMs("40")
            .mediaTimeoutSeconds("30")
            .callReferenceHeader("X-Call-Reference")
            .parse();
    relayThreads = Executors.newCachedThreadPool();
    node =
        TelephonyNode.start(
            settings,
            Clock.systemUTC(),
            relayThreads,
            event -> {
              allEvents.add(event);
              events.add(event);
            });
  }

  @AfterEach
  void stopNode() throws InterruptedException {
    Loopback.stopAll();
    node.close();
    relayThreads.shutdown();
    relayThreads.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void securedCall_capturesCardInBandAndByEvents_whileAgentLegCarriesNoDtmf() throws Exception {
    // given
    Path capture = Loopback.WORK.resolve("agent-leg-secure.pcap");
    Process tshark = Loopback.capture(agentMedia, capture);
    Process agent = Loopback.agent(agentPort, agentMedia, 1);
    Loopback.dtmfAudio(CARD + "#", 100, 100);

    // when
    Process caller =
        Loopback.caller(
            "caller_card.xml",
            tonewallPort,
            callerPort,
            callerMedia,
            1,
            List.of("-key", "reference", "secure"));
    Call call = awaitCall("secure-1");
    call.secureFor("session-1");
    call.requestField("session-1", CardFieldSpecification.standard(CardField.NUMBER));
    TelephonyEvent number = awaitEvent(TelephonyEventType.FIELD_COMPLETE, 15);
    call.requestField("session-1", CardFieldSpecification.standard(CardField.EXPIRY));
    TelephonyEvent expiry = awaitEvent(TelephonyEventType.FIELD_COMPLETE, 15);
    AtomicReference<String> handedOver = new AtomicReference<>();
    try (CapturedCard card = call.takeCard("session-1")) {
      card.handOver(
          fields ->
              handedOver.set(
                  new String(fields.digits(CardField.NUMBER).orElseThrow())
                      + "/"
                      + new String(fields.digits(CardField.EXPIRY).orElseThrow())));
    }
    int callerStatus = Loopback.await(caller, 60);
    int agentStatus = Loopback.await(agent, 30);
    Loopback.stop(tshark);
    TelephonyEvent verdict = awaitEvent(TelephonyEventType.SECURE_WINDOW_CLOSED, 10);

    // then
    assertThat(Loopback.log("caller"), callerStatus, is(0));
    assertThat(Loopback.log("agent"), agentStatus, is(0));
    assertThat(verdict.sessionId(), is(Optional.of("session-1")));
    assertThat("leak sentinel: " + verdict, verdict.suspiciousFrames(), is(0L));
    assertThat("frames the sentinel examined", verdict.framesExamined(), greaterThan(150L));
    assertThat(sentinelEvents(TelephonyEventType.LEAK_SUSPECTED), is(0L));
    assertThat(sentinelEvents(TelephonyEventType.SECURE_WINDOW_CLOSED), is(1L));
    assertThat(node.metrics().leakSuspectedFrames(), is(0L));
    assertThat(node.metrics().secureWindowsClosed(), is(1L));
    assertThat(number.field(), is(Optional.of(CardField.NUMBER)));
    assertThat(number.valid(), is(true));
    assertThat(number.brand(), is(Optional.of("VISA")));
    assertThat(number.lastFour(), is(Optional.of("1111")));
    assertThat(expiry.field(), is(Optional.of(CardField.EXPIRY)));
    assertThat(expiry.valid(), is(true));
    assertThat(handedOver.get(), is(CARD + "/1230"));
    assertThat("RTP reached the agent", rtpPackets(capture, "8"), greaterThan(150));
    assertThat("telephone-events reached the agent", rtpPackets(capture, TELEPHONE_EVENT), is(0));
    Loopback.Result leak =
        Loopback.run(
            "dtmfcheck-secure",
            List.of(Loopback.dtmfcheck().toString(), "-S", "-x", capture.toString()));
    assertThat(leak.output(), leak.status(), is(0));
  }

  @Test
  void normalCall_deliversTheCallersDtmfToTheAgent() throws Exception {
    // given
    Path capture = Loopback.WORK.resolve("agent-leg-normal.pcap");
    Process tshark = Loopback.capture(agentMedia, capture);
    Process agent = Loopback.agent(agentPort, agentMedia, 1);
    Loopback.dtmfAudio(CARD + "#", 100, 100);

    // when
    Process caller =
        Loopback.caller(
            "caller_card.xml",
            tonewallPort,
            callerPort,
            callerMedia,
            1,
            List.of("-key", "reference", "normal"));
    int callerStatus = Loopback.await(caller, 60);
    int agentStatus = Loopback.await(agent, 30);
    Loopback.stop(tshark);
    awaitEvent(TelephonyEventType.CALL_ENDED, 10);
    Thread.sleep(300); // a verdict would come from the relay thread just after the call ended

    // then
    assertThat(Loopback.log("caller"), callerStatus, is(0));
    assertThat(Loopback.log("agent"), agentStatus, is(0));
    assertThat("no sentinel event without secure mode", sentinelEvents(null), is(0L));
    assertThat(node.metrics().secureWindowsClosed(), is(0L));
    assertThat(
        "telephone-events reached the agent", rtpPackets(capture, TELEPHONE_EVENT), greaterThan(0));
    Loopback.Result digits =
        Loopback.run(
            "dtmfcheck-normal", List.of(Loopback.dtmfcheck().toString(), capture.toString()));
    assertThat(digits.output(), containsString("4111111111111111#"));
  }

  @Test
  void aThousandCalls_leaveNoCallDialogTransactionOrPortAllocated() throws Exception {
    // given
    Process agent = Loopback.agent(agentPort, agentMedia, CALLS);

    // when
    Process caller =
        Loopback.caller(
            "caller_short.xml",
            tonewallPort,
            callerPort,
            callerMedia,
            CALLS,
            List.of("-r", "50", "-l", "20", "-key", "reference", "load"));
    int callerStatus = Loopback.await(caller, 180);
    int agentStatus = Loopback.await(agent, 30);
    TelephonyMetrics after = awaitIdle(UDP_TRANSACTION_LIFETIME);

    // then
    assertThat(Loopback.log("caller"), callerStatus, is(0));
    assertThat(Loopback.log("agent"), agentStatus, is(0));
    assertThat(after.toString(), after.stackTransactions(), is(0));
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(after.toString(), after.pendingTransactions(), is(0));
    assertThat(after.toString(), after.mediaSessions(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
    assertThat(
        "every call ended with an event",
        events.stream().filter(e -> e.type() == TelephonyEventType.CALL_ENDED).count(),
        is((long) CALLS));
  }

  @Test
  void agentDiallingThePairingCode_linksTheCallToTheSession() throws Exception {
    // given
    String code = node.calls().allocatePairingCode("session-pair");
    Path scenario = Loopback.scenarioWith("agent_pairing.xml", "PAIRING_CODE", code);
    Process agent = Loopback.agent(scenario, agentPort, agentMedia, 1);
    Loopback.dtmfAudio(CARD + "#", 100, 100);

    // when
    Process caller =
        Loopback.caller(
            "caller_card.xml",
            tonewallPort,
            callerPort,
            callerMedia,
            1,
            List.of("-key", "reference", "pair"));
    Call call = awaitCall("pair-1");
    TelephonyEvent paired = awaitEvent(TelephonyEventType.PAIRED, 15);
    Optional<String> linked = call.sessionId();
    int callerStatus = Loopback.await(caller, 60);
    int agentStatus = Loopback.await(agent, 30);

    // then
    assertThat(Loopback.log("caller"), callerStatus, is(0));
    assertThat(Loopback.log("agent"), agentStatus, is(0));
    assertThat(paired.callId(), is(call.id()));
    assertThat(paired.sessionId(), is(Optional.of("session-pair")));
    assertThat(linked, is(Optional.of("session-pair")));
    assertThat(node.metrics().pairingCodes(), is(0));
  }

  @Test
  void holdBreaksSecureMode_andTheCallGoesOnUntilHangUp() throws Exception {
    // given
    Process agent =
        Loopback.agent(Loopback.SCENARIOS.resolve("agent_hold.xml"), agentPort, agentMedia, 1);

    // when
    Process caller =
        Loopback.caller(
            "caller_hold.xml",
            tonewallPort,
            callerPort,
            callerMedia,
            1,
            List.of("-key", "reference", "hold"));
    Call call = awaitCall("hold-1");
    call.secureFor("session-hold");
    TelephonyEvent broken = awaitEvent(TelephonyEventType.BROKEN, 15);
    boolean secureAfterHold = call.secure();
    int callerStatus = Loopback.await(caller, 60);
    int agentStatus = Loopback.await(agent, 30);
    TelephonyEvent ended = awaitEvent(TelephonyEventType.CALL_ENDED, 10);
    TelephonyEvent verdict = awaitRecorded(TelephonyEventType.SECURE_WINDOW_CLOSED, 10);

    // then
    assertThat(Loopback.log("caller"), callerStatus, is(0));
    assertThat(Loopback.log("agent"), agentStatus, is(0));
    assertThat(broken.reason(), is(Optional.of(BreakReason.HOLD)));
    assertThat(verdict.sessionId(), is(Optional.of("session-hold")));
    assertThat("leak sentinel: " + verdict, verdict.suspiciousFrames(), is(0L));
    assertThat(sentinelEvents(TelephonyEventType.SECURE_WINDOW_CLOSED), is(1L));
    assertThat(secureAfterHold, is(false));
    assertThat(ended.callId(), is(call.id()));
    assertThat(awaitIdle(UDP_TRANSACTION_LIFETIME).calls(), is(0));
  }

  /** The first event of {@code type} received at any time (also before this call). */
  private TelephonyEvent awaitRecorded(TelephonyEventType type, int seconds)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (Instant.now().isBefore(deadline)) {
      Optional<TelephonyEvent> found = allEvents.stream().filter(e -> e.type() == type).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    fail("no " + type + " event within " + seconds + " s");
    throw new IllegalStateException();
  }

  /** Sentinel events of {@code type} received so far; both kinds when {@code type} is null. */
  private long sentinelEvents(TelephonyEventType type) {
    return allEvents.stream()
        .filter(
            e ->
                type == null
                    ? e.type() == TelephonyEventType.LEAK_SUSPECTED
                        || e.type() == TelephonyEventType.SECURE_WINDOW_CLOSED
                    : e.type() == type)
        .count();
  }

  /**
   * How long JAIN-SIP may keep a completed transaction over UDP: timer J (the BYE's server
   * transaction) and timer D (an INVITE client transaction after a non-2xx) are 64*T1 = 32 s (RFC
   * 3261 17.1.1.2, 17.2.2); plus a margin. The calls, dialogs and ports are freed at once.
   */
  private static final Duration UDP_TRANSACTION_LIFETIME = Duration.ofSeconds(40);

  /** Waits until no call, dialog, relayed or stack transaction and no RTP port remains. */
  private TelephonyMetrics awaitIdle(Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    TelephonyMetrics metrics = node.metrics();
    while (Instant.now().isBefore(deadline)) {
      metrics = node.metrics();
      if (metrics.calls() == 0
          && metrics.dialogs() == 0
          && metrics.pendingTransactions() == 0
          && metrics.stackTransactions() == 0
          && metrics.rtpPortsInUse() == 0) {
        return metrics;
      }
      Thread.sleep(200);
    }
    return metrics;
  }

  private Call awaitCall(String reference) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      Optional<Call> call = node.calls().find(reference);
      if (call.isPresent()) {
        return call.get();
      }
      Thread.sleep(10);
    }
    fail("no call with reference " + reference + ": " + Loopback.WORK);
    throw new IllegalStateException();
  }

  private TelephonyEvent awaitEvent(TelephonyEventType type, int seconds)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (Instant.now().isBefore(deadline)) {
      TelephonyEvent event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && event.type() == type) {
        return event;
      }
    }
    fail("no " + type + " event within " + seconds + " s");
    throw new IllegalStateException();
  }

  /** RTP packets of payload type {@code type} in a capture (decoded as RTP by port). */
  private static int rtpPackets(Path capture, String type) throws Exception {
    Loopback.Result result =
        Loopback.run(
            "tshark-read",
            List.of(
                "tshark",
                "-r",
                capture.toString(),
                "-o",
                "rtp.heuristic_rtp:TRUE",
                "-Y",
                "rtp.p_type == " + type,
                "-T",
                "fields",
                "-e",
                "rtp.seq"));
    if (result.status() != 0) {
      fail("tshark could not read " + capture + ": " + result.output());
    }
    return (int) result.output().lines().filter(line -> line.matches("\\d+")).count();
  }
}
