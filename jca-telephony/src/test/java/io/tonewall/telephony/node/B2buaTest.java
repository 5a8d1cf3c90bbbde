package io.tonewall.telephony.node;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.sip.SipEndpointException;
import io.tonewall.telephony.spi.TelephonySettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The B2BUA on a running node, driven by scripted SIP peers on loopback UDP. */
class B2buaTest {

  private static final String G711_OFFER =
      SipPeer.sdp(
          30000,
          "0 8 18 101",
          "rtpmap:18 G729/8000",
          "rtpmap:101 telephone-event/8000",
          "ptime:20");

  private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
  private ExecutorService relayThread;
  private TelephonyNode node;
  private SipPeer caller;
  private SipPeer agent;
  private int port;

  private static final AtomicInteger NEXT_RTP_PORT = new AtomicInteger(42000);

  /**
   * Four RTP ports no earlier test of this class used: a node closed by the previous test may still
   * be releasing its sockets, which would make the range look full.
   */
  private static String nextRtpRange() {
    int first = NEXT_RTP_PORT.getAndAdd(4);
    return first + "-" + (first + 3);
  }

  private int rtpFirst;

  @BeforeEach
  void start() throws Exception {
    String rtpRange = nextRtpRange();
    rtpFirst = Integer.parseInt(rtpRange.substring(0, rtpRange.indexOf('-')));
    caller = new SipPeer();
    agent = new SipPeer();
    port = Loopback.freePort();
    relayThread = Executors.newSingleThreadExecutor();
    node =
        TelephonyNode.start(
            TelephonySettings.parse(
                "127.0.0.1",
                String.valueOf(port),
                rtpRange,
                "sip:agent@127.0.0.1:" + agent.port(),
                "6",
                "40",
                "30",
                null),
            Clock.systemUTC(),
            relayThread,
            events::add);
  }

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    relayThread.shutdown();
    relayThread.awaitTermination(5, TimeUnit.SECONDS);
    caller.close();
    agent.close();
  }

  @Test
  void answersOptionsWith200_overUdp() throws Exception {
    // when
    caller.send(SipPeer.request("OPTIONS", "opt-1", caller.port(), port, "o1", 1), port);
    String response = caller.receive();

    // then
    assertThat(response, startsWith("SIP/2.0 200 OK"));
    assertThat(SipPeer.header(response, "Allow"), containsString("INVITE"));
    assertThat(SipPeer.header(response, "Call-ID"), is("opt-1"));
  }

  @Test
  void answersOptionsWith200_overTcp() throws Exception {
    // given
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      String options =
          SipPeer.request("OPTIONS", "opt-tcp", socket.getLocalPort(), port, "t1", 1)
              .replace("SIP/2.0/UDP", "SIP/2.0/TCP");

      // when
      out.write(options.getBytes(US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

      // then
      assertThat(in.readLine(), is("SIP/2.0 200 OK"));
    }
  }

  @Test
  void failsWithClearMessage_whenSipPortIsTaken() {
    // given
    TelephonySettings same =
        TelephonySettings.parse(
            "127.0.0.1", String.valueOf(port), nextRtpRange(), null, null, null, null, null);

    ExecutorService secondRelay = Executors.newSingleThreadExecutor();

    // when
    TelephonyStartException error =
        assertThrows(
            TelephonyStartException.class,
            () -> TelephonyNode.start(same, Clock.systemUTC(), secondRelay, e -> {}));
    secondRelay.shutdown();

    // then
    assertThat(error.getCause() instanceof SipEndpointException, is(true));
    assertThat(error.getMessage(), startsWith("SIP cannot listen on 127.0.0.1:" + port));
  }

  @Test
  void rejectsInviteWith488_whenNeitherPcmuNorPcmaIsOffered() throws Exception {
    // given
    String offer = SipPeer.sdp(30000, "18", "rtpmap:18 G729/8000");

    // when
    caller.send(SipPeer.invite("g729", caller.port(), port, offer), port);

    String refusal = caller.receive("SIP/2.0 100");
    ackRefusal("g729", refusal);

    // then
    assertThat(refusal, startsWith("SIP/2.0 488"));
    assertThat(node.metrics().calls(), is(0));
    assertThat(node.metrics().dialogs(), is(0));
    assertThat(node.metrics().pendingTransactions(), is(0));
    assertThat(node.metrics().rtpPortsInUse(), is(0));
    assertStackTransactionsDrain(INVITE_SERVER_AFTER_ACK);
  }

  @Test
  void rejectsInviteWith400_whenSdpIsMalformed() throws Exception {
    // when
    caller.send(SipPeer.invite("bad-sdp", caller.port(), port, "v=0\r\nm=audio x\r\n"), port);
    String refusal = caller.receive("SIP/2.0 100");
    ackRefusal("bad-sdp", refusal);

    // then
    assertThat(refusal, startsWith("SIP/2.0 400"));
    assertThat(node.metrics().calls(), is(0));
    assertThat(node.metrics().dialogs(), is(0));
    assertThat(node.metrics().pendingTransactions(), is(0));
    assertThat(node.metrics().rtpPortsInUse(), is(0));
    assertStackTransactionsDrain(INVITE_SERVER_AFTER_ACK);
  }

  @Test
  void relaysInvite_withSdpRewrittenToTonewallsRelayAndG711Only() throws Exception {
    // when
    caller.send(SipPeer.invite("relay-1", caller.port(), port, G711_OFFER), port);
    String invite = agent.receive();

    // then
    assertThat(invite, startsWith("INVITE sip:agent@127.0.0.1:" + agent.port()));
    assertThat(SipPeer.header(invite, "Call-ID"), not(is("relay-1")));
    assertThat(SipPeer.header(invite, "From"), containsString("sip:caller@127.0.0.1"));
    assertThat(
        invite,
        allOf(
            containsString("c=IN IP4 127.0.0.1"),
            containsString("RTP/AVP 0 8 101\r\n"),
            containsString("a=rtpmap:101 telephone-event/8000"),
            not(containsString("G729")),
            not(containsString(" 30000 "))));
    int rtpPort = Integer.parseInt(invite.replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
    assertThat(rtpPort >= rtpFirst && rtpPort <= rtpFirst + 3 && rtpPort % 2 == 0, is(true));
  }

  @Test
  void answersCaller_withAgentsAnswerRewritten_andEndsBothLegsOnBye() throws Exception {
    // given
    caller.send(SipPeer.invite("call-1", caller.port(), port, G711_OFFER), port);
    String invite = agent.receive();
    agent.send(
        SipPeer.response(
            invite,
            200,
            "OK",
            SipPeer.sdp(31000, "8 101", "rtpmap:101 telephone-event/8000"),
            agent.port()),
        port);
    String ack = agent.receive();
    String ok = caller.receive("SIP/2.0 1");

    // when
    String toTag = SipPeer.header(ok, "To");
    caller.send(
        SipPeer.request("BYE", "call-1", caller.port(), port, "bye1", 2)
            .replace("To: <sip:pay@127.0.0.1>", "To: " + toTag),
        port);
    String byeAnswer = caller.receive();
    String relayedBye = agent.receive();

    // then
    assertThat(ack, startsWith("ACK "));
    assertThat(ok, startsWith("SIP/2.0 200"));
    assertThat(ok, containsString("RTP/AVP 8 101"));
    assertThat(ok, containsString("c=IN IP4 127.0.0.1"));
    assertThat(ok, not(containsString(" 31000 ")));
    assertThat(byeAnswer, startsWith("SIP/2.0 200"));
    assertThat(relayedBye, startsWith("BYE "));
    TelephonyMetrics after = awaitNoCalls();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
  }

  /** The B2BUA frees a call right after relaying its end; the test may look a moment earlier. */
  private TelephonyMetrics awaitNoCalls() throws InterruptedException {
    TelephonyMetrics metrics = node.metrics();
    for (int i = 0; i < 100 && (metrics.calls() > 0 || metrics.rtpPortsInUse() > 0); i++) {
      Thread.sleep(20);
      metrics = node.metrics();
    }
    return metrics;
  }

  /**
   * An INVITE server transaction over UDP stays after the ACK for timer I (T4 = 5 s, RFC 3261
   * 17.2.1).
   */
  private static final Duration INVITE_SERVER_AFTER_ACK = Duration.ofSeconds(8);

  /**
   * Completed transactions over UDP stay at most 64*T1 = 32 s: timer J (non-INVITE server, e.g.
   * CANCEL) and timer D (INVITE client, the agent's leg after a non-2xx), RFC 3261 17.1.1.2 and
   * 17.2.2; plus a margin.
   */
  private static final Duration UDP_TRANSACTION_LIFETIME = Duration.ofSeconds(40);

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  /** The caller's ACK of Tonewall's non-2xx final response to its INVITE {@code callId}. */
  private void ackRefusal(String callId, String refusal) throws Exception {
    caller.send(
        SipPeer.request("ACK", callId, caller.port(), port, callId, 1)
            .replace("To: <sip:pay@127.0.0.1>", "To: " + SipPeer.header(refusal, "To")),
        port);
  }

  private TelephonyMetrics awaitMetrics(Duration bound, Predicate<TelephonyMetrics> settled)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    TelephonyMetrics metrics = node.metrics();
    while (!settled.test(metrics) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      metrics = node.metrics();
    }
    return metrics;
  }

  private void assertStackTransactionsDrain(Duration bound) throws InterruptedException {
    TelephonyMetrics metrics = awaitMetrics(bound, m -> m.stackTransactions() == 0);
    assertThat(metrics.toString(), metrics.stackTransactions(), is(0));
  }

  @Test
  void refusesSecondInviteWith503AndRetryAfter_whenRtpPortRangeIsFull() throws Exception {
    // given: four ports hold one call (two pairs)
    caller.send(SipPeer.invite("first", caller.port(), port, G711_OFFER), port);
    agent.receive();

    // when
    caller.send(SipPeer.invite("second", caller.port(), port, G711_OFFER), port);
    String refusal = caller.receive("SIP/2.0 100");
    ackRefusal("second", refusal);

    // then: only the first call's two dialogs (early) and INVITE transactions remain
    assertThat(refusal, startsWith("SIP/2.0 503"));
    assertThat(SipPeer.header(refusal, "Retry-After"), is("5"));
    assertThat(node.metrics().calls(), is(1));
    assertThat(node.metrics().rtpPortsInUse(), is(4));
    assertThat(node.metrics().dialogs(), is(2));
    assertThat(node.metrics().pendingTransactions(), is(1));
    TelephonyMetrics settled =
        awaitMetrics(INVITE_SERVER_AFTER_ACK, metrics -> metrics.stackTransactions() <= 2);
    assertThat(settled.toString(), settled.stackTransactions(), is(2));
  }

  @Test
  void cancelsAgentLeg_andFreesEverything_whenCallerCancelsBeforeAnswer() throws Exception {
    // given
    caller.send(SipPeer.invite("cancel-1", caller.port(), port, G711_OFFER), port);
    String invite = agent.receive();
    agent.send(SipPeer.response(invite, 180, "Ringing", "", agent.port()), port);
    caller.receive("SIP/2.0 100"); // 180 relayed

    // when
    caller.send(SipPeer.request("CANCEL", "cancel-1", caller.port(), port, "cancel-1", 1), port);
    String first = caller.receive();
    String second = caller.receive();
    String cancel = agent.receive();

    // then
    assertThat(first + second, allOf(containsString("SIP/2.0 200"), containsString("SIP/2.0 487")));
    assertThat(cancel, startsWith("CANCEL "));
    TelephonyMetrics after = awaitNoCalls();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    // the agent's 487 ends the relayed INVITE; both legs' transactions then leave the stack
    agent.send(SipPeer.response(invite, 487, "Request Terminated", "", agent.port()), port);
    agent.send(SipPeer.response(cancel, 200, "OK", "", agent.port()), port);
    ackRefusal("cancel-1", first.startsWith("SIP/2.0 487") ? first : second);
    assertThat(
        awaitMetrics(ONE_SECOND, m -> m.pendingTransactions() == 0).pendingTransactions(), is(0));
    assertStackTransactionsDrain(UDP_TRANSACTION_LIFETIME);
  }

  @Test
  void relaysAgentsRefusalToCaller_andFreesTheCall() throws Exception {
    // given
    caller.send(SipPeer.invite("busy-1", caller.port(), port, G711_OFFER), port);
    String invite = agent.receive();

    // when
    agent.send(SipPeer.response(invite, 486, "Busy Here", "", agent.port()), port);
    String ackOfRefusal = agent.receive();
    String refusal = caller.receive("SIP/2.0 100");

    // then
    assertThat(ackOfRefusal, startsWith("ACK "));
    assertThat(refusal, startsWith("SIP/2.0 486 Busy Here"));
    TelephonyMetrics after = awaitNoCalls();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(after.toString(), after.pendingTransactions(), is(0));
    ackRefusal("busy-1", refusal);
    assertStackTransactionsDrain(UDP_TRANSACTION_LIFETIME);
  }

  @Test
  void answers481_toByeOfUnknownCall() throws Exception {
    // when
    caller.send(
        SipPeer.request("BYE", "nobody", caller.port(), port, "bye-x", 2)
            .replace("To: <sip:pay@127.0.0.1>", "To: <sip:pay@127.0.0.1>;tag=x"),
        port);

    // then
    assertThat(caller.receive(), startsWith("SIP/2.0 481"));
  }
}
