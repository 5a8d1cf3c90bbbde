package io.tonewall.telephony.node;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.sip.SipEndpointException;
import io.tonewall.telephony.spi.TelephonySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
  private ExecutorService relayThreads;
  private TelephonyNode node;
  private SipPeer caller;
  private SipPeer agent;
  private int port;

  private static final AtomicInteger NEXT_RTP_PORT = new AtomicInteger(22000);

  /**
   * Four RTP ports no earlier test of this class used (a node closed by the previous test may still
   * be releasing its sockets, which would make the range look full) and that no other process holds
   * right now. The ranges start at 22000, below Linux's ephemeral ports (32768 up), so a socket
   * some other program binds to port 0 cannot take one between this check and the call.
   */
  private static String nextRtpRange() {
    while (true) {
      int first = NEXT_RTP_PORT.getAndAdd(4);
      if (IntStream.range(first, first + 4).allMatch(B2buaTest::udpFree)) {
        return first + "-" + (first + 3);
      }
    }
  }

  private static boolean udpFree(int port) {
    try (DatagramSocket socket = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (SocketException taken) {
      return false;
    }
  }

  private int rtpFirst;

  /**
   * The INVITE the node relays to the agent. When none arrives, the failure says what the caller
   * got instead (a 503 names a taken RTP port, a 500 a node error) rather than a bare socket
   * timeout.
   */
  private String inviteAtAgent() throws IOException {
    Optional<String> invite = agent.poll(15_000);
    if (invite.isEmpty()) {
      StringBuilder callerGot = new StringBuilder();
      for (Optional<String> message = caller.poll(500);
          message.isPresent();
          message = caller.poll(500)) {
        callerGot.append(message.get().lines().findFirst().orElse("")).append("; ");
      }
      throw new AssertionError(
          "no INVITE reached the agent within 15 s; the caller got: ["
              + callerGot
              + "]; node: "
              + node.metrics());
    }
    return invite.get();
  }

  @BeforeEach
  void start() throws Exception {
    caller = new SipPeer();
    agent = new SipPeer();
    relayThreads = Executors.newCachedThreadPool();
    node = startNode("sip:agent@127.0.0.1:" + agent.port(), "30");
  }

  /** A node on a new SIP port and RTP range; {@code agentUri} null: Request-URI passed through. */
  private TelephonyNode startNode(String agentUri, String mediaTimeoutSeconds) throws Exception {
    String rtpRange = nextRtpRange();
    rtpFirst = Integer.parseInt(rtpRange.substring(0, rtpRange.indexOf('-')));
    port = Loopback.freePort();
    return TelephonyNode.start(
        TelephonySettings.raw()
            .bindAddress("127.0.0.1")
            .sipPort(String.valueOf(port))
            .rtpPorts(rtpRange)
            .agentUri(agentUri)
            .pairingCodeLength("6")
            .maskingLookaheadMs("40")
            .mediaTimeoutSeconds(mediaTimeoutSeconds)
            .parse(),
        Clock.systemUTC(),
        relayThreads,
        events::add);
  }

  /** Replaces the node of {@link #start()} by one with other settings. */
  private void restartNode(String agentUri, String mediaTimeoutSeconds) throws Exception {
    node.close();
    node = startNode(agentUri, mediaTimeoutSeconds);
  }

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    relayThreads.shutdown();
    relayThreads.awaitTermination(5, TimeUnit.SECONDS);
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
        TelephonySettings.raw()
            .bindAddress("127.0.0.1")
            .sipPort(String.valueOf(port))
            .rtpPorts(nextRtpRange())
            .parse();

    ExecutorService secondRelay = Executors.newCachedThreadPool();

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
    String invite = inviteAtAgent();

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
    String invite = inviteAtAgent();
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
            .replace("To: <sip:sales@127.0.0.1>", "To: " + toTag),
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
            .replace("To: <sip:sales@127.0.0.1>", "To: " + SipPeer.header(refusal, "To")),
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
    String invite = inviteAtAgent();
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
    String invite = inviteAtAgent();

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
            .replace("To: <sip:sales@127.0.0.1>", "To: <sip:sales@127.0.0.1>;tag=x"),
        port);

    // then
    assertThat(caller.receive(), startsWith("SIP/2.0 481"));
  }

  @Test
  void answers481_toNotifyOutsideAnyDialogOrSubscription() throws Exception {
    // when: a NOTIFY with no To-tag, matching no REFER or SUBSCRIBE of Tonewall's
    caller.send(
        SipPeer.request("NOTIFY", "nobody", caller.port(), port, "notify-x", 1)
            .replace(
                "Content-Length: 0",
                "Event: refer\r\nSubscription-State: terminated;reason=noresource\r\n"
                    + "Content-Length: 0"),
        port);

    // then
    assertThat(caller.receive(), startsWith("SIP/2.0 481"));
  }

  // ------------------------------------------------------------- established calls

  /** A call answered by the agent and ACKed by the caller. */
  private record Established(String callId, String agentInvite, String callerOk) {}

  private Established establish(String callId) throws Exception {
    caller.send(SipPeer.invite(callId, caller.port(), port, G711_OFFER), port);
    String invite = inviteAtAgent();
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
    caller.send(callerRequest("ACK", callId, ok, 1, ""), port);
    return new Established(callId, invite, ok);
  }

  /** An in-dialog request of the caller, in the dialog {@code ok} confirmed. */
  private String callerRequest(String method, String callId, String ok, int cseq, String sdp) {
    String request =
        SipPeer.request(method, callId, caller.port(), port, callId + "-" + method + cseq, cseq)
            .replace("To: <sip:sales@127.0.0.1>", "To: " + SipPeer.header(ok, "To"))
            .replace(
                "Content-Length: 0\r\n",
                "Contact: <sip:caller@127.0.0.1:" + caller.port() + ">\r\nContent-Length: 0\r\n");
    return withBody(request, sdp);
  }

  /** An in-dialog request of the agent, in the dialog of the INVITE Tonewall sent it. */
  private String agentRequest(String method, Established call, int cseq, String sdp) {
    String invite = call.agentInvite();
    String target = SipPeer.header(invite, "Contact").replaceAll(".*<([^>]*)>.*", "$1");
    String request =
        method
            + " "
            + target
            + " SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:"
            + agent.port()
            + ";branch=z9hG4bK-agent-"
            + call.callId()
            + "-"
            + method
            + cseq
            + "\r\nMax-Forwards: 70\r\n"
            + "From: "
            + SipPeer.header(invite, "To")
            + ";tag=agent\r\nTo: "
            + SipPeer.header(invite, "From")
            + "\r\nCall-ID: "
            + SipPeer.header(invite, "Call-ID")
            + "\r\nCSeq: "
            + cseq
            + " "
            + method
            + "\r\nContact: <sip:agent@127.0.0.1:"
            + agent.port()
            + ">\r\nContent-Length: 0\r\n\r\n";
    return withBody(request, sdp);
  }

  private static String withBody(String request, String sdp) {
    if (sdp.isEmpty()) {
      return request;
    }
    return request.replace(
        "Content-Length: 0\r\n\r\n",
        "Content-Type: application/sdp\r\nContent-Length: " + sdp.length() + "\r\n\r\n" + sdp);
  }

  /** A response to a request Tonewall sent, its To (and tag) kept as they are. */
  private static String reply(String request, int status, String reason, String sdp, int port) {
    StringBuilder out = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
    for (String name : List.of("Via", "From", "To", "Call-ID", "CSeq")) {
      out.append(name).append(": ").append(SipPeer.header(request, name)).append("\r\n");
    }
    out.append("Contact: <sip:peer@127.0.0.1:").append(port).append(">\r\n");
    return withBody(out.append("Content-Length: 0\r\n\r\n").toString(), sdp);
  }

  /** The next message of {@code peer} that starts with {@code prefix}, skipping others. */
  private static String next(SipPeer peer, String prefix) throws Exception {
    String message;
    do {
      message = peer.receive();
    } while (!message.startsWith(prefix));
    return message;
  }

  private static int mediaPort(String message) {
    return Integer.parseInt(message.replaceAll("(?s).*m=audio (\\d+) .*", "$1"));
  }

  private TelephonyEvent awaitEvent(TelephonyEventType type, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<TelephonyEvent> found = events.stream().filter(e -> e.type() == type).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + type + " event within " + seconds + " s: " + events);
  }

  private TelephonyMetrics awaitNoDialogs() throws InterruptedException {
    return awaitMetrics(
        Duration.ofSeconds(5),
        m ->
            m.calls() == 0
                && m.dialogs() == 0
                && m.pendingTransactions() == 0
                && m.rtpPortsInUse() == 0);
  }

  @Test
  void endsTheCallersLeg_whenTheAgentHangsUp() throws Exception {
    // given
    Established call = establish("agent-bye");

    // when
    agent.send(agentRequest("BYE", call, 2, ""), port);
    String byeAnswer = next(agent, "SIP/2.0 ");
    String relayed = next(caller, "BYE ");
    caller.send(reply(relayed, 200, "OK", "", caller.port()), port);

    // then
    assertThat(byeAnswer, startsWith("SIP/2.0 200"));
    assertThat(SipPeer.header(relayed, "Call-ID"), is("agent-bye"));
    assertThat(SipPeer.header(relayed, "To"), containsString("tag=caller-agent-bye"));
    TelephonyMetrics after = awaitNoDialogs();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(after.toString(), after.pendingTransactions(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
    assertThat(awaitEvent(TelephonyEventType.CALL_ENDED, 2).callId(), is("agent-bye"));
  }

  @Test
  void relaysTheAgentsReInvite_withSdpRewrittenBothWays() throws Exception {
    // given
    Established call = establish("agent-reinvite");
    int callerSidePort = mediaPort(call.callerOk());

    // when
    agent.send(agentRequest("INVITE", call, 2, SipPeer.sdp(32000, "0")), port);
    String relayed = next(caller, "INVITE ");
    caller.send(reply(relayed, 200, "OK", SipPeer.sdp(30002, "0"), caller.port()), port);
    String answer = next(agent, "SIP/2.0 2");
    agent.send(
        agentRequest("ACK", call, 2, "").replace("branch=z9hG4bK-agent-", "branch=z9hG4bK-ack-"),
        port);

    // then
    assertThat(relayed, containsString("c=IN IP4 127.0.0.1"));
    assertThat(mediaPort(relayed), is(callerSidePort));
    assertThat(relayed, not(containsString(" 32000 ")));
    assertThat(answer, startsWith("SIP/2.0 200"));
    assertThat(answer, containsString("m=audio " + mediaPort(call.agentInvite()) + " "));
    assertThat(answer, not(containsString(" 30002 ")));
    assertThat(node.metrics().calls(), is(1));
  }

  @Test
  void holdWithInactive_breaksSecureModeWithHold_andResumeIsRelayed() throws Exception {
    // given
    Established call = establish("hold-1");
    node.calls().byId("hold-1").orElseThrow().secureFor("session-hold");
    awaitEvent(TelephonyEventType.SECURE, 2);

    // when: hold
    caller.send(
        callerRequest(
            "INVITE",
            "hold-1",
            call.callerOk(),
            2,
            SipPeer.sdp(30000, "0 101", "rtpmap:101 telephone-event/8000", "inactive")),
        port);
    String hold = next(agent, "INVITE ");
    agent.send(
        SipPeer.response(hold, 200, "OK", SipPeer.sdp(31000, "0", "inactive"), agent.port()), port);
    String held = caller.receive("SIP/2.0 1");
    caller.send(callerRequest("ACK", "hold-1", call.callerOk(), 2, ""), port);
    TelephonyEvent broken = awaitEvent(TelephonyEventType.BROKEN, 2);

    // and: resume
    caller.send(
        callerRequest(
            "INVITE",
            "hold-1",
            call.callerOk(),
            3,
            SipPeer.sdp(30000, "0 101", "rtpmap:101 telephone-event/8000", "sendrecv")),
        port);
    String resume = next(agent, "INVITE ");
    agent.send(SipPeer.response(resume, 200, "OK", SipPeer.sdp(31000, "0"), agent.port()), port);
    String resumed = caller.receive("SIP/2.0 1");
    caller.send(callerRequest("ACK", "hold-1", call.callerOk(), 3, ""), port);

    // then
    assertThat(hold, containsString("a=inactive"));
    assertThat(held, startsWith("SIP/2.0 200"));
    assertThat(held, containsString("a=inactive"));
    assertThat(broken.reason(), is(Optional.of(BreakReason.HOLD)));
    assertThat(node.calls().byId("hold-1").orElseThrow().secure(), is(false));
    assertThat(resume, not(containsString("a=inactive")));
    assertThat(resume, containsString("a=sendrecv"));
    assertThat(resumed, startsWith("SIP/2.0 200"));
    assertThat(resumed, not(containsString("a=inactive")));
    assertThat(node.metrics().calls(), is(1));
  }

  @ParameterizedTest
  @CsvSource({"500,Server Internal Error", "503,Service Unavailable", "603,Decline"})
  void relaysTheAgents5xxAnd6xxToTheCaller_andFreesTheCall(int status, String reason)
      throws Exception {
    // given
    caller.send(SipPeer.invite("refused-" + status, caller.port(), port, G711_OFFER), port);
    String invite = inviteAtAgent();

    // when
    agent.send(SipPeer.response(invite, status, reason, "", agent.port()), port);
    String ackOfRefusal = agent.receive();
    String refusal = caller.receive("SIP/2.0 100");
    ackRefusal("refused-" + status, refusal);

    // then
    assertThat(ackOfRefusal, startsWith("ACK "));
    assertThat(refusal, startsWith("SIP/2.0 " + status + " " + reason));
    TelephonyMetrics after = awaitNoDialogs();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(after.toString(), after.pendingTransactions(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
  }

  @Test
  void answersInDialogOptions() throws Exception {
    // given
    Established call = establish("dialog-options");

    // when
    caller.send(callerRequest("OPTIONS", "dialog-options", call.callerOk(), 2, ""), port);
    String answer = caller.receive();

    // then
    assertThat(answer, startsWith("SIP/2.0 200"));
    assertThat(SipPeer.header(answer, "CSeq"), is("2 OPTIONS"));
    assertThat(SipPeer.header(answer, "Allow"), containsString("INVITE"));
    assertThat(agent.poll(300), is(Optional.empty()));
  }

  @Test
  void passesTheRequestUriThroughToAPbx_whenNoAgentUriIsSet() throws Exception {
    // given
    restartNode(null, "30");

    // when: the caller's Request-URI names the PBX (the agent peer)
    caller.send(SipPeer.invite("pbx-1", caller.port(), agent.port(), G711_OFFER), port);
    String invite = inviteAtAgent();

    // then
    assertThat(invite, startsWith("INVITE sip:sales@127.0.0.1:" + agent.port() + " SIP/2.0"));
    assertThat(SipPeer.header(invite, "Call-ID"), not(is("pbx-1")));
    assertThat(invite, containsString("c=IN IP4 127.0.0.1"));
  }

  @Test
  void relaysRefer_andBreaksSecureModeWithTransfer() throws Exception {
    // given
    Established call = establish("refer-1");
    node.calls().byId("refer-1").orElseThrow().secureFor("session-refer");
    awaitEvent(TelephonyEventType.SECURE, 2);

    // when
    caller.send(
        callerRequest("REFER", "refer-1", call.callerOk(), 2, "")
            .replace(
                "Content-Length: 0\r\n",
                "Refer-To: <sip:supervisor@127.0.0.1>\r\nContent-Length: 0\r\n"),
        port);
    String refer = next(agent, "REFER ");
    agent.send(SipPeer.response(refer, 202, "Accepted", "", agent.port()), port);
    String accepted = next(caller, "SIP/2.0 ");

    // then
    assertThat(SipPeer.header(refer, "Refer-To"), is("<sip:supervisor@127.0.0.1>"));
    assertThat(accepted, startsWith("SIP/2.0 202"));
    TelephonyEvent broken = awaitEvent(TelephonyEventType.BROKEN, 2);
    assertThat(broken.reason(), is(Optional.of(BreakReason.TRANSFER)));
    assertThat(node.calls().byId("refer-1").orElseThrow().secure(), is(false));
  }

  @Test
  void reportsASecureCallWhoseMediaStops_asBrokenWithMediaTimeout() throws Exception {
    // given: a one-second media timeout; neither party sends RTP
    restartNode("sip:agent@127.0.0.1:" + agent.port(), "1");
    establish("silent-1");
    node.calls().byId("silent-1").orElseThrow().secureFor("session-silent");

    // when
    TelephonyEvent broken = awaitEvent(TelephonyEventType.BROKEN, 5);

    // then
    assertThat(broken.callId(), is("silent-1"));
    assertThat(broken.reason(), is(Optional.of(BreakReason.MEDIA_TIMEOUT)));
    assertThat(node.calls().byId("silent-1").orElseThrow().secure(), is(false));
  }

  @Test
  void relaysAnRfc2543Invite_withoutMaxForwardsContactBranchOrContentLength() throws Exception {
    // given: as RFC 4475 3.4.1 (inv2543) sends it
    String invite =
        SipPeer.invite("rfc2543", caller.port(), port, G711_OFFER)
            .replace(";branch=z9hG4bK-rfc2543", "")
            .replace("Max-Forwards: 70\r\n", "")
            .replaceAll("Contact: [^\r]*\r\n", "")
            .replaceAll("Content-Length: [^\r]*\r\n", "");

    // when
    caller.send(invite, port);
    String relayed = agent.receive();
    agent.send(SipPeer.response(relayed, 486, "Busy Here", "", agent.port()), port);
    String refusal = caller.receive("SIP/2.0 100");

    // then
    assertThat(relayed, startsWith("INVITE sip:agent@127.0.0.1:" + agent.port()));
    assertThat(SipPeer.header(relayed, "Max-Forwards"), is("69"));
    assertThat(relayed, containsString("RTP/AVP 0 8 101\r\n"));
    assertThat(refusal, startsWith("SIP/2.0 486"));
    assertThat(awaitNoDialogs().calls(), is(0));
  }
}
