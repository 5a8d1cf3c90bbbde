package io.tonewall.telephony.node;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.api.TransferOutcome;
import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.ivr.CallerRtp;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.spi.TelephonySettings;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IVR calls on a running node: a scripted SIP caller on loopback UDP with an RTP socket of its own,
 * Tonewall as the UAS playing prompts and hearing keys.
 */
class IvrCallTest {

  private static final String SESSION = "session-ivr";

  private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final java.util.logging.Logger tonewallLog =
      java.util.logging.Logger.getLogger("io.tonewall");
  private final java.util.logging.Handler logCapture =
      new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord record) {
          logged.add(
              record.getMessage()
                  + " "
                  + java.util.Arrays.toString(record.getParameters())
                  + " "
                  + (record.getThrown() == null ? "" : record.getThrown().toString()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private java.util.logging.Level previousLevel;
  private ExecutorService threads;
  private TelephonyNode node;
  private SipPeer caller;
  private DatagramSocket rtp;
  private int port;
  private int rtpFirst;

  @BeforeEach
  void start() throws Exception {
    previousLevel = tonewallLog.getLevel();
    tonewallLog.setLevel(java.util.logging.Level.ALL);
    logCapture.setLevel(java.util.logging.Level.ALL);
    tonewallLog.addHandler(logCapture);
    caller = new SipPeer();
    rtp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    rtp.setSoTimeout(3000);
    threads = Executors.newCachedThreadPool();
    rtpFirst = 23000 + (int) (ProcessHandle.current().pid() % 50) * 8;
    node = startNode("30");
  }

  private TelephonyNode startNode(String mediaTimeoutSeconds) throws Exception {
    port = Loopback.freePort();
    return TelephonyNode.start(
        TelephonySettings.raw()
            .bindAddress("127.0.0.1")
            .sipPort(String.valueOf(port))
            .rtpPorts(rtpFirst + "-" + (rtpFirst + 3))
            .agentUri("sip:agent@127.0.0.1:5099")
            .mediaTimeoutSeconds(mediaTimeoutSeconds)
            .parse(),
        Clock.systemUTC(),
        threads,
        events::add);
  }

  @AfterEach
  void stop() throws InterruptedException {
    tonewallLog.removeHandler(logCapture);
    tonewallLog.setLevel(previousLevel);
    node.close();
    threads.shutdown();
    threads.awaitTermination(5, TimeUnit.SECONDS);
    caller.close();
    rtp.close();
  }

  private String offer(String formats, String... attributes) {
    return SipPeer.sdp(rtp.getLocalPort(), formats, attributes);
  }

  private String invite(String user, String callId, String sdp) {
    return SipPeer.invite(callId, caller.port(), port, sdp)
        .replace("INVITE sip:sales@", "INVITE sip:" + user + "@");
  }

  private String inDialog(String method, String callId, String toTag, int cseq) {
    return SipPeer.request(method, callId, caller.port(), port, method + cseq, cseq)
        .replace("To: <sip:sales@127.0.0.1>", "To: " + toTag);
  }

  /** Calls the IVR as {@code user} and ACKs; returns the 200 OK. */
  private String call(String user, String callId) throws Exception {
    caller.send(
        invite(user, callId, offer("0 101", "rtpmap:101 telephone-event/8000", "ptime:20")), port);
    String ok = caller.receive("SIP/2.0 1");
    caller.send(inDialog("ACK", callId, SipPeer.header(ok, "To"), 1), port);
    return ok;
  }

  private static int mediaPort(String message) {
    Matcher m = Pattern.compile("m=audio (\\d+) ").matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private void send(List<byte[]> packets, int to) throws IOException, InterruptedException {
    for (byte[] packet : packets) {
      rtp.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), to));
      Thread.sleep(20);
    }
  }

  private void keyEvents(CallerRtp phone, String keys, int to) throws Exception {
    for (char key : keys.toCharArray()) {
      send(phone.event(key), to);
    }
  }

  /** RTP packets from Tonewall within {@code millis}. */
  private List<RtpPacket> receiveRtp(int millis) throws IOException {
    List<RtpPacket> packets = new ArrayList<>();
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      rtp.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
      DatagramPacket datagram = new DatagramPacket(new byte[2048], 2048);
      try {
        rtp.receive(datagram);
      } catch (SocketTimeoutException e) {
        break;
      }
      packets.add(
          RtpPacket.parse(java.util.Arrays.copyOf(datagram.getData(), datagram.getLength())));
    }
    return packets;
  }

  private static double rms(RtpPacket packet) {
    byte[] codes = new byte[packet.payloadLength()];
    packet.buffer().get(packet.payloadOffset(), codes);
    short[] samples =
        packet.payloadType() == 0 ? G711.ulawToLinear(codes) : G711.alawToLinear(codes);
    double sum = 0;
    for (short s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / samples.length);
  }

  private TelephonyEvent awaitEvent(Predicate<TelephonyEvent> wanted, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      for (TelephonyEvent event : events) {
        if (wanted.test(event)) {
          return event;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such event within " + bound + "; events: " + events);
  }

  private static Predicate<TelephonyEvent> type(TelephonyEventType type) {
    return event -> event.type() == type;
  }

  private TelephonyMetrics awaitIdle() throws InterruptedException {
    TelephonyMetrics metrics = node.metrics();
    for (int i = 0;
        i < 100
            && (metrics.calls() > 0
                || metrics.dialogs() > 0
                || metrics.mediaSessions() > 0
                || metrics.rtpPortsInUse() > 0);
        i++) {
      Thread.sleep(50);
      metrics = node.metrics();
    }
    return metrics;
  }

  private void assertNothingAllocated() throws InterruptedException {
    TelephonyMetrics after = awaitIdle();
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(after.toString(), after.mediaSessions(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
  }

  @Test
  void answersTheIvrNumberItself_playsPromptAudio_linksByKeyedId_capturesTheCard_andHangsUp()
      throws Exception {
    // given
    String linkId = node.ivr().linkIds().allocate(SESSION, "en");
    String ok = call("pay", "ivr-1");
    int tonewallRtp = mediaPort(ok);
    CallerRtp phone = new CallerRtp(0, 101, 0x1234L);

    // when: the prompt plays, then the caller keys the link id by RFC 4733
    List<RtpPacket> prompt = receiveRtp(1000);
    keyEvents(phone, linkId, tonewallRtp);
    TelephonyEvent secure = awaitEvent(type(TelephonyEventType.SECURE), Duration.ofSeconds(5));
    node.calls()
        .require("ivr-1")
        .requestField(SESSION, CardFieldSpecification.standard(CardField.NUMBER));
    List<RtpPacket> fieldPrompt = receiveRtp(600);
    keyEvents(phone, "4242424242424242#", tonewallRtp);
    TelephonyEvent complete =
        awaitEvent(type(TelephonyEventType.FIELD_COMPLETE), Duration.ofSeconds(5));
    CapturedCard card = node.calls().require("ivr-1").takeCard(SESSION);
    char[][] number = new char[1][];
    card.handOver(fields -> number[0] = fields.digits(CardField.NUMBER).orElseThrow().clone());
    node.calls().require("ivr-1").announce(SESSION, IvrAnnouncement.PAYMENT_APPROVED);
    node.calls().require("ivr-1").endIvr(SESSION, IvrEnding.HANG_UP);
    String bye = caller.receive(m -> m.startsWith("BYE "), 15_000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then
    assertThat(ok, startsWith("SIP/2.0 200"));
    assertThat(ok, containsString("m=audio " + tonewallRtp + " RTP/AVP 0 101"));
    assertThat(ok, containsString("a=sendrecv"));
    assertThat(tonewallRtp, is(rtpFirst));
    assertThat(prompt.size(), greaterThan(40));
    assertThat(prompt.get(0).marker(), is(true));
    assertThat(prompt.get(1).marker(), is(false));
    assertThat(prompt.get(1).sequenceNumber(), is((prompt.get(0).sequenceNumber() + 1) & 0xFFFF));
    assertThat(prompt.get(1).timestamp() - prompt.get(0).timestamp(), is(160L));
    assertThat(prompt.stream().mapToDouble(IvrCallTest::rms).max().orElse(0), greaterThan(500.0));
    assertThat(fieldPrompt.size(), greaterThan(20));
    assertThat(secure.ivr(), is(true));
    assertThat(secure.sessionId(), is(Optional.of(SESSION)));
    assertThat(
        events.stream().map(TelephonyEvent::type).toList().indexOf(TelephonyEventType.PAIRED),
        lessThan(
            events.stream().map(TelephonyEvent::type).toList().indexOf(TelephonyEventType.SECURE)));
    assertThat(complete.valid(), is(true));
    assertThat(complete.lastFour(), is(Optional.of("4242")));
    assertThat(new String(number[0]), is("4242424242424242"));
    assertThat(bye, startsWith("BYE "));
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    assertThat(events.stream().allMatch(TelephonyEvent::ivr), is(true));
    assertThat(events.toString(), org.hamcrest.Matchers.not(containsString("4242424242424242")));
    assertThat(logged.size(), greaterThan(0));
    assertThat(logged.toString(), org.hamcrest.Matchers.not(containsString("4242424242")));
    assertThat(logged.toString(), org.hamcrest.Matchers.not(containsString(linkId)));
    assertNothingAllocated();
  }

  @Test
  void refusesThreeWrongLinkIds_thenSaysGoodbyeAndHangsUp() throws Exception {
    // given
    String ok = call("pay", "ivr-wrong");
    int tonewallRtp = mediaPort(ok);
    CallerRtp phone = new CallerRtp(0, 101, 0x99L);

    // when
    for (int attempt = 0; attempt < 3; attempt++) {
      keyEvents(phone, "000000", tonewallRtp);
    }
    String bye = caller.receive(m -> m.startsWith("BYE "), 15_000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then
    assertThat(bye, startsWith("BYE "));
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    assertThat(
        events.stream().map(TelephonyEvent::type).toList(),
        is(List.of(TelephonyEventType.CALL_ENDED)));
    assertNothingAllocated();
  }

  @Test
  void linksByTheIdInTheRequestUri_andTransfersBackWithRefer() throws Exception {
    // given
    String refer = referredCaller("ivr-refer");

    // when
    caller.send(SipPeer.response(refer, 202, "Accepted", "", caller.port()), port);
    caller.send(notify(refer, "ivr-refer", "SIP/2.0 200 OK", "terminated;reason=noresource"), port);
    String notifyAnswer = caller.receive(m -> m.contains("CSeq: 2 NOTIFY"), 5000);
    String bye = caller.receive(m -> m.startsWith("BYE "), 5000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then
    assertThat(refer, startsWith("REFER "));
    assertThat(SipPeer.header(refer, "Refer-To"), containsString("sip:agent@127.0.0.1:5099"));
    assertThat(notifyAnswer, startsWith("SIP/2.0 200"));
    assertThat(bye, startsWith("BYE "));
    assertThat(
        awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2)).ivr(), is(true));
    TelephonyEvent transfer = theOneTransferEndedBeforeCallEnded();
    assertThat(transfer.transferOutcome(), is(Optional.of(TransferOutcome.ACCEPTED)));
    assertThat(transfer.sipStatus(), is(OptionalInt.of(200)));
    assertThat(transfer.sessionId(), is(Optional.of(SESSION)));
    assertThat(transfer.ivr(), is(true));
    assertNothingAllocated();
  }

  @Test
  void reportsATransferTheCallerAcceptedButThatFailed_withTheSipfragStatusOnly() throws Exception {
    // given
    String refer = referredCaller("ivr-refer-failed");

    // when: accepted, then the transfer fails (486 in the final NOTIFY)
    caller.send(SipPeer.response(refer, 202, "Accepted", "", caller.port()), port);
    caller.send(
        notify(refer, "ivr-refer-failed", "SIP/2.0 486 Busy Here", "terminated;reason=noresource"),
        port);
    String bye = caller.receive(m -> m.startsWith("BYE "), 5000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    TelephonyEvent transfer = theOneTransferEndedBeforeCallEnded();
    assertThat(transfer.transferOutcome(), is(Optional.of(TransferOutcome.FAILED)));
    assertThat(transfer.sipStatus(), is(OptionalInt.of(486)));
    assertNothingAllocated();
  }

  @Test
  void reportsNoAnswer_whenTheFinalNotifyCarriesNoSipStatus() throws Exception {
    // given
    String refer = referredCaller("ivr-refer-odd");

    // when: accepted, then a final NOTIFY whose sipfrag status line is not a SIP status
    caller.send(SipPeer.response(refer, 202, "Accepted", "", caller.port()), port);
    caller.send(
        notify(refer, "ivr-refer-odd", "SIP/2.0 2000 Odd", "terminated;reason=noresource"), port);
    String bye = caller.receive(m -> m.startsWith("BYE "), 5000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then: Tonewall hangs up on the terminated subscription; no outcome was reported
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    TelephonyEvent transfer = theOneTransferEndedBeforeCallEnded();
    assertThat(transfer.transferOutcome(), is(Optional.of(TransferOutcome.NO_ANSWER)));
    assertThat(transfer.sipStatus(), is(OptionalInt.empty()));
    assertNothingAllocated();
  }

  @Test
  void reportsAReferTheCallerDeclined_andHangsUpAtOnce() throws Exception {
    // given
    String refer = referredCaller("ivr-refer-declined");

    // when
    caller.send(SipPeer.response(refer, 603, "Decline", "", caller.port()), port);
    String bye = caller.receive(m -> m.startsWith("BYE "), 5000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    TelephonyEvent transfer = theOneTransferEndedBeforeCallEnded();
    assertThat(transfer.transferOutcome(), is(Optional.of(TransferOutcome.DECLINED)));
    assertThat(transfer.sipStatus(), is(OptionalInt.of(603)));
    assertNothingAllocated();
  }

  @Test
  void reportsNoAnswer_whenTheCallerHangsUpInsteadOfAnsweringTheRefer() throws Exception {
    // given
    String refer = referredCaller("ivr-refer-unanswered");

    // when: no answer to the REFER, a BYE instead
    caller.send(inDialog("BYE", "ivr-refer-unanswered", SipPeer.header(refer, "From"), 2), port);
    String byeAnswer = caller.receive(m -> m.contains("CSeq: 2 BYE"), 5000);

    // then
    assertThat(byeAnswer, startsWith("SIP/2.0 200"));
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    TelephonyEvent transfer = theOneTransferEndedBeforeCallEnded();
    assertThat(transfer.transferOutcome(), is(Optional.of(TransferOutcome.NO_ANSWER)));
    assertThat(transfer.sipStatus(), is(OptionalInt.empty()));
    assertNothingAllocated();
  }

  /**
   * Calls the IVR with the link id in the request URI, waits for the call to be secure, ends the
   * session's IVR with TRANSFER_BACK and returns Tonewall's REFER.
   */
  private String referredCaller(String callId) throws Exception {
    String linkId = node.ivr().linkIds().allocate(SESSION, "fr");
    call("pay-" + linkId, callId);
    awaitEvent(type(TelephonyEventType.SECURE), Duration.ofSeconds(3));
    node.calls().require(callId).endIvr(SESSION, IvrEnding.TRANSFER_BACK);
    return caller.receive(m -> m.startsWith("REFER "), 10_000);
  }

  /** The caller's NOTIFY (CSeq 2) of Tonewall's {@code refer}, carrying {@code sipfrag}. */
  private String notify(String refer, String callId, String sipfrag, String subscriptionState) {
    String body = sipfrag + "\r\n";
    return "NOTIFY sip:tonewall@127.0.0.1:"
        + port
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + caller.port()
        + ";branch=z9hG4bK-notify-"
        + callId
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: "
        + SipPeer.header(refer, "To")
        + ";tag=agent\r\n"
        + "To: "
        + SipPeer.header(refer, "From")
        + "\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: 2 NOTIFY\r\n"
        + "Event: refer\r\n"
        + "Subscription-State: "
        + subscriptionState
        + "\r\n"
        + "Contact: <sip:caller@127.0.0.1:"
        + caller.port()
        + ">\r\n"
        + "Content-Type: message/sipfrag;version=2.0\r\n"
        + "Content-Length: "
        + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  /** The call's only {@code TRANSFER_ENDED}, which came before its {@code CALL_ENDED}. */
  private TelephonyEvent theOneTransferEndedBeforeCallEnded() {
    List<TelephonyEventType> types = events.stream().map(TelephonyEvent::type).toList();
    assertThat(
        types.toString(),
        types.stream().filter(t -> t == TelephonyEventType.TRANSFER_ENDED).count(),
        is(1L));
    assertThat(
        types.toString(),
        types.indexOf(TelephonyEventType.TRANSFER_ENDED),
        lessThan(types.indexOf(TelephonyEventType.CALL_ENDED)));
    return events.stream()
        .filter(e -> e.type() == TelephonyEventType.TRANSFER_ENDED)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void stopsPromptsWhileHeld_andResumes() throws Exception {
    // given
    String ok = call("pay", "ivr-hold");
    List<RtpPacket> before = receiveRtp(300);

    // when
    String toTag = SipPeer.header(ok, "To");
    caller.send(
        SipPeer.invite("ivr-hold", caller.port(), port, offer("0 101", "sendonly"))
            .replace("To: <sip:sales@127.0.0.1>", "To: " + toTag)
            .replace("CSeq: 1 INVITE", "CSeq: 2 INVITE")
            .replace("branch=z9hG4bK-ivr-hold", "branch=z9hG4bK-hold2"),
        port);
    String held =
        caller.receive(m -> m.startsWith("SIP/2.0 200") && m.contains("CSeq: 2 INVITE"), 5000);
    caller.send(inDialog("ACK", "ivr-hold", toTag, 2), port);
    receiveRtp(100); // in flight
    List<RtpPacket> whileHeld = receiveRtp(500);
    caller.send(
        SipPeer.invite("ivr-hold", caller.port(), port, offer("0 101", "sendrecv"))
            .replace("To: <sip:sales@127.0.0.1>", "To: " + toTag)
            .replace("CSeq: 1 INVITE", "CSeq: 3 INVITE")
            .replace("branch=z9hG4bK-ivr-hold", "branch=z9hG4bK-hold3"),
        port);
    String resumed =
        caller.receive(m -> m.startsWith("SIP/2.0 200") && m.contains("CSeq: 3 INVITE"), 5000);
    caller.send(inDialog("ACK", "ivr-hold", toTag, 3), port);
    List<RtpPacket> after = receiveRtp(400);
    caller.send(inDialog("BYE", "ivr-hold", toTag, 4), port);
    String byeAnswer = caller.receive(m -> m.contains("CSeq: 4 BYE"), 5000);

    // then
    assertThat(before.size(), greaterThan(5));
    assertThat(held, startsWith("SIP/2.0 200"));
    assertThat(held, containsString("a=recvonly"));
    assertThat(whileHeld.size(), is(0));
    assertThat(resumed, containsString("a=sendrecv"));
    assertThat(after.size(), greaterThan(5));
    assertThat(after.get(0).marker(), is(true));
    assertThat(byeAnswer, startsWith("SIP/2.0 200"));
    awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2));
    assertNothingAllocated();
  }

  @Test
  void refusesAnIvrCallWithoutG711With488_andAThirdCallWith503WhenPortsRunOut() throws Exception {
    // when
    caller.send(invite("pay", "ivr-g729", offer("18", "rtpmap:18 G729/8000")), port);
    String refused = caller.receive("SIP/2.0 1");
    call("pay", "ivr-a");
    call("pay", "ivr-b");
    caller.send(invite("pay", "ivr-c", offer("8")), port);
    String busy = caller.receive("SIP/2.0 1");

    // then
    assertThat(refused, startsWith("SIP/2.0 488"));
    assertThat(busy, startsWith("SIP/2.0 503"));
    assertThat(SipPeer.header(busy, "Retry-After"), startsWith("5"));
    assertThat(node.metrics().rtpPortsInUse(), is(4));
  }

  @Test
  void hangsUpACallerWhoseMediaStops_andFreesEverything() throws Exception {
    // given
    node.close();
    node = startNode("1");

    // when: the caller answers nothing, not even RTCP
    call("pay", "ivr-silent");
    String bye = caller.receive(m -> m.startsWith("BYE "), 5000);
    caller.send(SipPeer.response(bye, 200, "OK", "", caller.port()), port);

    // then
    assertThat(
        awaitEvent(type(TelephonyEventType.CALL_ENDED), Duration.ofSeconds(2)).ivr(), is(true));
    assertNothingAllocated();
  }
}
