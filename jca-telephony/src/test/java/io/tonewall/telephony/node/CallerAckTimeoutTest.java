package io.tonewall.telephony.node;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.spi.TelephonySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller that never ACKs Tonewall's 200 OK: once the ACK timeout has passed on the node's clock
 * (64*T1 = 32 s by default, or the configured shorter wait), Tonewall BYEs the agent and frees the
 * call, its dialogs and its RTP ports. An ACK in time keeps the call.
 */
class CallerAckTimeoutTest {

  private static final String OFFER =
      SipPeer.sdp(30000, "0 8 101", "rtpmap:101 telephone-event/8000", "ptime:20");

  private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
  private ExecutorService relayThreads;
  private TelephonyNode node;
  private SipPeer caller;
  private SipPeer agent;
  private int port;

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    relayThreads.shutdown();
    relayThreads.awaitTermination(5, TimeUnit.SECONDS);
    caller.close();
    agent.close();
  }

  @Test
  void callerNeverAcks_agentLegIsByed_andEverythingFreed_afterTimerH() throws Exception {
    // given: the default wait, 64*T1 = 32 s
    start(null, 26000);
    answeredCall("noack-1");
    assertThat(node.metrics().calls(), is(1));
    assertThat(node.metrics().rtpPortsInUse(), is(4));

    // when: 31 s pass — still waiting
    clock.advance(Duration.ofSeconds(31));
    Optional<String> early = agent.poll(300);

    // then
    assertThat(early.isPresent(), is(false));
    assertThat(node.metrics().calls(), is(1));

    // when: past 32 s
    clock.advance(Duration.ofSeconds(2));
    String bye = agent.receive();
    agent.send(SipPeer.response(bye, 200, "OK", "", agent.port()), port);

    // then
    assertThat(bye, startsWith("BYE sip:agent@127.0.0.1:" + agent.port()));
    TelephonyMetrics after = awaitFreed();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.mediaSessions(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(events.stream().anyMatch(e -> e.type() == TelephonyEventType.CALL_ENDED), is(true));
  }

  @Test
  void configuredShorterTimeout_applies() throws Exception {
    // given
    start("5", 26040);
    answeredCall("noack-2");

    // when
    clock.advance(Duration.ofSeconds(5));
    String bye = agent.receive();

    // then
    assertThat(bye, startsWith("BYE "));
    assertThat(awaitFreed().calls(), is(0));
  }

  @Test
  void ackInTime_keepsTheCall() throws Exception {
    // given
    start("5", 26080);
    String ok = answeredCall("acked-1");

    // when
    caller.send(
        SipPeer.request("ACK", "acked-1", caller.port(), port, "ack1", 1)
            .replace("To: <sip:sales@127.0.0.1>", "To: " + SipPeer.header(ok, "To")),
        port);
    Thread.sleep(200);
    clock.advance(Duration.ofSeconds(60));

    // then
    assertThat(agent.poll(500).isPresent(), is(false));
    assertThat(node.metrics().calls(), is(1));
    assertThat(node.metrics().rtpPortsInUse(), is(4));
  }

  /** Caller INVITE, agent 200 (ACKed by Tonewall), 200 relayed to the caller: returns that 200. */
  private String answeredCall(String callId) throws Exception {
    caller.send(SipPeer.invite(callId, caller.port(), port, OFFER), port);
    String invite = agent.receive();
    agent.send(
        SipPeer.response(
            invite,
            200,
            "OK",
            SipPeer.sdp(31000, "0 101", "rtpmap:101 telephone-event/8000"),
            agent.port()),
        port);
    assertThat(agent.receive(), startsWith("ACK "));
    String ok = caller.receive("SIP/2.0 1");
    assertThat(ok, startsWith("SIP/2.0 200"));
    return ok;
  }

  /**
   * Forty RTP ports (ten calls' worth) per node: the range lies in the machine's ephemeral port
   * range, where other processes may hold a port or two at any moment.
   */
  private void start(String ackTimeoutSeconds, int firstRtpPort) throws Exception {
    caller = new SipPeer();
    agent = new SipPeer();
    port = Loopback.freePort();
    relayThreads = Executors.newCachedThreadPool();
    node =
        TelephonyNode.start(
            TelephonySettings.raw()
                .bindAddress("127.0.0.1")
                .sipPort(String.valueOf(port))
                .rtpPorts(firstRtpPort + "-" + (firstRtpPort + 39))
                .agentUri("sip:agent@127.0.0.1:" + agent.port())
                .pairingCodeLength("6")
                .maskingLookaheadMs("40")
                .mediaTimeoutSeconds("3600")
                .ackTimeoutSeconds(ackTimeoutSeconds)
                .parse(),
            clock,
            relayThreads,
            events::add);
  }

  private TelephonyMetrics awaitFreed() throws InterruptedException {
    TelephonyMetrics metrics = node.metrics();
    for (int i = 0;
        i < 100 && (metrics.calls() > 0 || metrics.rtpPortsInUse() > 0 || metrics.dialogs() > 0);
        i++) {
      Thread.sleep(20);
      metrics = node.metrics();
    }
    return metrics;
  }

  private static final class TestClock extends Clock {
    private volatile Instant now;

    TestClock(Instant start) {
      this.now = start;
    }

    void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
