package io.tonewall.telephony.node;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.spi.TelephonySettings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 4475 torture messages (the shared corpus and its manifest) sent to Tonewall over UDP and over
 * TCP. The responses each message gets are read and checked against what the manifest says ({@link
 * Expected}); afterwards no call, dialog, relayed transaction or stack transaction remains and a
 * call still connects.
 */
class TortureCorpusIT {

  private static final Path CORPUS =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "RFC4475_CORPUS", Loopback.SHARED.resolve("corpus/rfc4475").toString()));

  /**
   * How long the stack may keep completed transactions: timer J (non-INVITE server) and D (INVITE
   * client) are 64*T1 = 32 s over UDP (RFC 3261 17.1.1.2, 17.2.2), plus a margin.
   */
  private static final Duration TRANSACTION_LIFETIME = Duration.ofSeconds(40);

  private static final Pattern TOP_VIA =
      Pattern.compile(
          "(?im)^(via|v)([ \\t]*:\\s*SIP\\s*/\\s*[0-9.]+\\s*/\\s*)([A-Za-z]+)(\\s+)"
              + "([^\\s;:,]+)(\\s*:\\s*\\d+)?");

  private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(content-length|l)[ \\t]*:");

  private ExecutorService relayThreads;
  private TelephonyNode node;
  private SipPeer agent;
  private SipPeer caller;
  private int port;

  @BeforeEach
  void start() throws Exception {
    agent = new SipPeer();
    caller = new SipPeer();
    port = Loopback.freePort();
    relayThreads = Executors.newCachedThreadPool();
    node =
        TelephonyNode.start(
            TelephonySettings.raw()
                .bindAddress("127.0.0.1")
                .sipPort(String.valueOf(port))
                .rtpPorts("20960-20999")
                .agentUri("sip:agent@127.0.0.1:" + agent.port())
                .parse(),
            Clock.systemUTC(),
            relayThreads,
            event -> {});
  }

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    relayThreads.shutdown();
    relayThreads.awaitTermination(5, TimeUnit.SECONDS);
    agent.close();
    caller.close();
  }

  @Test
  void answersEveryTortureMessageAsTheManifestSays_overUdp_freesEverything_andStillConnectsACall()
      throws Exception {
    // when
    List<String> wrong = sendCorpus(false);
    TelephonyMetrics afterCorpus = awaitIdle(TRANSACTION_LIFETIME);
    String ok = connectAndHangUp();

    // then
    assertThat(String.join("\n", wrong), wrong.isEmpty(), is(true));
    assertIdle(afterCorpus);
    assertThat(ok, startsWith("SIP/2.0 200"));
  }

  @Test
  void answersEveryTortureMessageAsTheManifestSays_overTcp_freesEverything_andStillConnectsACall()
      throws Exception {
    // when
    List<String> wrong = sendCorpus(true);
    TelephonyMetrics afterCorpus = awaitIdle(TRANSACTION_LIFETIME);
    String ok = connectAndHangUp();

    // then
    assertThat(String.join("\n", wrong), wrong.isEmpty(), is(true));
    assertIdle(afterCorpus);
    assertThat(ok, startsWith("SIP/2.0 200"));
  }

  private static void assertIdle(TelephonyMetrics metrics) {
    assertThat(metrics.toString(), metrics.calls(), is(0));
    assertThat(metrics.toString(), metrics.dialogs(), is(0));
    assertThat(metrics.toString(), metrics.pendingTransactions(), is(0));
    assertThat(metrics.toString(), metrics.stackTransactions(), is(0));
    assertThat(metrics.toString(), metrics.mediaSessions(), is(0));
    assertThat(metrics.toString(), metrics.rtpPortsInUse(), is(0));
  }

  /**
   * Sends each corpus message on a connection (TCP) or socket (UDP) of its own and compares what
   * comes back with the manifest.
   *
   * @param stream true over TCP: messages framed as UDP datagrams are left out, those about
   *     datagrams (dblreq.dat: octets after Content-Length are, on a stream, simply the next
   *     message) and those without Content-Length (inv2543.dat: on a stream its body would be the
   *     next message, RFC 3261 18.3)
   * @return what differed, one line per message
   */
  private List<String> sendCorpus(boolean stream) throws Exception {
    List<String> lines = Files.readAllLines(CORPUS.resolve("manifest.tsv"));
    List<String> wrong = new ArrayList<>();
    List<String> report = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] columns = line.split("\t");
      String file = columns[0];
      byte[] raw = Files.readAllBytes(CORPUS.resolve("messages").resolve(file));
      if (columns[3].equals("n/a") || (stream && datagramFramed(columns[2], raw))) {
        continue;
      }
      Expected expected = Expected.of(file, columns[3], columns[4], raw);
      List<String> responses;
      try (Exchange exchange = stream ? new TcpExchange(port) : new UdpExchange(port)) {
        responses = exchange(exchange, distinctBranch(raw, file), expected);
      }
      List<Integer> got = responses.stream().map(TortureCorpusIT::status).toList();
      report.add(file + "\t" + columns[3] + "\texpected " + expected + "\tgot " + got);
      expected
          .mismatch(got)
          .or(() -> missingHeader(responses))
          .ifPresent(why -> wrong.add(file + ": " + why));
    }
    System.out.println((stream ? "TCP" : "UDP") + "\n" + String.join("\n", report));
    answerAgentInvitesWithBusy();
    return wrong;
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(8, 11));
  }

  /**
   * The header a refusal must carry (RFC 3261 8.2.2-8.2.3, 21.4.6, 21.5.4): Unsupported with 420,
   * Accept with 415, Allow with 405, Retry-After with 503.
   */
  private static Optional<String> missingHeader(List<String> responses) {
    Map<Integer, String> required =
        Map.of(420, "Unsupported", 415, "Accept", 405, "Allow", 503, "Retry-After");
    for (String response : responses) {
      String header = required.get(status(response));
      if (header != null && SipPeer.header(response, header).isBlank()) {
        return Optional.of(status(response) + " without " + header + ": " + response);
      }
    }
    return Optional.empty();
  }

  private static boolean datagramFramed(String title, byte[] message) {
    return title.contains("UDP Datagram")
        || !CONTENT_LENGTH.matcher(new String(message, StandardCharsets.ISO_8859_1)).find();
  }

  /**
   * Sends one message, answers what it makes Tonewall send to the agent with 486, and collects the
   * statuses of Tonewall's responses until a final one (ACKed when the request was an INVITE) or
   * until the message's wait is over.
   */
  private List<String> exchange(Exchange exchange, byte[] message, Expected expected)
      throws Exception {
    exchange.send(addressedTo(message, exchange.transport(), exchange.localPort()));
    List<String> responses = new ArrayList<>();
    long deadline = System.nanoTime() + expected.waitMillis() * 1_000_000L;
    while (System.nanoTime() < deadline) {
      Optional<String> response = exchange.next(50);
      answerAgentInvitesWithBusy();
      if (response.isEmpty() || !response.get().startsWith("SIP/2.0 ")) {
        continue;
      }
      int status = status(response.get());
      responses.add(response.get());
      if (status >= 200) {
        if (status >= 300 && SipPeer.header(response.get(), "CSeq").endsWith("INVITE")) {
          exchange.send(ack(message, response.get()));
        }
        break;
      }
    }
    return responses;
  }

  /**
   * The corpus messages name hosts of their authors in their top Via; Tonewall answers where that
   * Via says (RFC 3261 18.2.2). The top Via's transport, host and port are set to this test's
   * socket; its version, parameters and layout (folding, odd separators) are left as they are.
   */
  private static byte[] addressedTo(byte[] message, String transport, int localPort) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    Matcher via = TOP_VIA.matcher(text);
    if (text.startsWith("SIP/") || !via.find()) {
      return message;
    }
    String replaced =
        text.substring(0, via.start())
            + via.group(1)
            + via.group(2)
            + transport
            + via.group(4)
            + "127.0.0.1:"
            + localPort
            + text.substring(via.end());
    return replaced.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The ACK of a non-2xx final response, in the INVITE's transaction (RFC 3261 17.1.1.3). */
  private static byte[] ack(byte[] invite, String response) {
    String requestUri = new String(invite, StandardCharsets.ISO_8859_1).trim().split("\\s+")[1];
    String cseq = SipPeer.header(response, "CSeq").trim().split("\\s+")[0];
    return ("ACK "
            + requestUri
            + " SIP/2.0\r\n"
            + "Via: "
            + SipPeer.header(response, "Via")
            + "\r\nMax-Forwards: 70\r\nFrom: "
            + SipPeer.header(response, "From")
            + "\r\nTo: "
            + SipPeer.header(response, "To")
            + "\r\nCall-ID: "
            + SipPeer.header(response, "Call-ID")
            + "\r\nCSeq: "
            + cseq
            + " ACK\r\nContent-Length: 0\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Most corpus requests share the branch {@code z9hG4bKkdjuw} and would match one server
   * transaction (RFC 3261 17.2.3) while it lingers: each gets a branch of its own here. The
   * branch-less cookie of badbranch.dat is left as it is.
   */
  private static byte[] distinctBranch(byte[] message, String file) {
    String text = new String(message, StandardCharsets.ISO_8859_1);
    String unique = "z9hG4bKkdjuw-" + file.replace(".dat", "");
    return text.replace("z9hG4bKkdjuw", unique).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The agent refuses what the corpus INVITEs relay to it, so that those calls end at once. */
  private void answerAgentInvitesWithBusy() throws Exception {
    Optional<String> message;
    while ((message = agent.poll(10)).isPresent()) {
      if (message.get().startsWith("INVITE ")) {
        agent.send(SipPeer.response(message.get(), 486, "Busy Here", "", agent.port()), port);
      }
    }
  }

  private TelephonyMetrics awaitIdle(Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    TelephonyMetrics metrics = node.metrics();
    while (System.nanoTime() < deadline
        && (metrics.calls() > 0
            || metrics.dialogs() > 0
            || metrics.pendingTransactions() > 0
            || metrics.stackTransactions() > 0
            || metrics.rtpPortsInUse() > 0)) {
      answerAgentInvitesWithBusy();
      Thread.sleep(200);
      metrics = node.metrics();
    }
    return metrics;
  }

  /** A call after the corpus: answered by the agent, ACKed and hung up by the caller. */
  private String connectAndHangUp() throws Exception {
    String offer = SipPeer.sdp(30000, "0 101", "rtpmap:101 telephone-event/8000");
    caller.send(SipPeer.invite("after-corpus", caller.port(), port, offer), port);
    String invite;
    do {
      invite = agent.receive();
    } while (!invite.startsWith("INVITE "));
    agent.send(SipPeer.response(invite, 200, "OK", SipPeer.sdp(31000, "0"), agent.port()), port);
    String ok = caller.receive("SIP/2.0 1");
    String toTag = SipPeer.header(ok, "To");
    caller.send(
        SipPeer.request("ACK", "after-corpus", caller.port(), port, "ack-after", 1)
            .replace("To: <sip:sales@127.0.0.1>", "To: " + toTag),
        port);
    caller.send(
        SipPeer.request("BYE", "after-corpus", caller.port(), port, "bye-after", 2)
            .replace("To: <sip:sales@127.0.0.1>", "To: " + toTag),
        port);
    String bye = caller.receive();
    assertThat(bye, startsWith("SIP/2.0 200"));
    return ok;
  }

  /** One message's way to Tonewall and back. */
  private interface Exchange extends AutoCloseable {
    void send(byte[] message) throws Exception;

    /** The next message Tonewall sent back within {@code millis}. */
    Optional<String> next(int millis) throws Exception;

    String transport();

    int localPort();
  }

  /** A UDP socket of its own, so that no answer to an earlier message is taken for this one's. */
  private static final class UdpExchange implements Exchange {
    private final DatagramSocket socket;
    private final int tonewall;

    UdpExchange(int tonewall) throws Exception {
      this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
      this.tonewall = tonewall;
    }

    @Override
    public void send(byte[] message) throws Exception {
      socket.send(
          new DatagramPacket(message, message.length, InetAddress.getLoopbackAddress(), tonewall));
    }

    @Override
    public Optional<String> next(int millis) throws Exception {
      socket.setSoTimeout(millis);
      DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      return Optional.of(
          new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
    }

    @Override
    public String transport() {
      return "UDP";
    }

    @Override
    public int localPort() {
      return socket.getLocalPort();
    }

    @Override
    public void close() {
      socket.close();
    }
  }

  /** A TCP connection of its own; Tonewall answers on it (RFC 3261 18.2.2). */
  private static final class TcpExchange implements Exchange {
    private final Socket socket;
    private final SipStreamReader reader;

    TcpExchange(int tonewall) throws Exception {
      this.socket = new Socket(InetAddress.getLoopbackAddress(), tonewall);
      this.reader = new SipStreamReader(socket);
    }

    @Override
    public void send(byte[] message) throws Exception {
      socket.getOutputStream().write(message);
      socket.getOutputStream().flush();
    }

    @Override
    public Optional<String> next(int millis) throws Exception {
      return reader.next(millis);
    }

    @Override
    public String transport() {
      return "TCP";
    }

    @Override
    public int localPort() {
      return socket.getLocalPort();
    }

    @Override
    public void close() throws Exception {
      socket.close();
    }
  }

  /**
   * What a message must get, from its manifest line (verdict and expected handling) and Tonewall's
   * role: a UAS and B2BUA, neither a proxy nor a registrar.
   *
   * <ul>
   *   <li>A response (the corpus has five): nothing sent back.
   *   <li>invalid: 400 or dropped ("or ignore": the UAS's answer too, baddate); when the handling
   *       names another status (505 for badvers), that status and nothing else.
   *   <li>valid (syntax): the status the handling names (416, 420, 415, 406); "proxy:" statuses
   *       also allow the UAS's answer (zeromf: 483 or 200 to OPTIONS); "registrar:" ones do not
   *       apply (regaut01: REGISTER gets 405 here); none named: the UAS's answer.
   *   <li>valid: the UAS's answer to the method: OPTIONS 200; INVITE relayed to the agent, a
   *       provisional response and the agent's final 486 relayed back (481 when its To tag names a
   *       dialog Tonewall never had, wsinv); any other method 405 (or a status the handling names,
   *       e.g. 501 for intmeth).
   * </ul>
   *
   * @param statuses acceptable final statuses; empty: no response at all
   * @param mayDrop true when getting no response at all is acceptable too
   * @param relayed true when the message must reach the agent (a provisional response first)
   * @param response true for a response message
   * @param waiver why Tonewall cannot meet the expectation, checked only for being still true
   */
  record Expected(
      Set<Integer> statuses,
      boolean mayDrop,
      boolean relayed,
      boolean response,
      Optional<String> waiver) {

    private static final Pattern STATUS = Pattern.compile("\\b([1-6]\\d\\d)\\b");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");
    private static final Pattern TO_TAG =
        Pattern.compile("(?im)^(?:to|t)[ \\t]*:[^\\r\\n]*;[ \\t]*tag[ \\t]*=");

    static Expected of(String file, String verdict, String handling, byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      Optional<String> waiver = Optional.ofNullable(Waivers.REASONS.get(file));
      if (text.startsWith("SIP/")) {
        return new Expected(Set.of(), true, false, true, waiver);
      }
      String method = text.substring(0, text.indexOf(' ')).toUpperCase(Locale.ROOT);
      Set<Integer> named = new LinkedHashSet<>();
      Matcher codes = STATUS.matcher(handling);
      while (codes.find()) {
        named.add(Integer.parseInt(codes.group(1)));
      }
      String role = handling.toLowerCase(Locale.ROOT);
      Set<Integer> uas = new LinkedHashSet<>();
      boolean invite = method.equals("INVITE");
      boolean inDialog = TO_TAG.matcher(FOLD.matcher(text).replaceAll(" ")).find();
      if (invite && inDialog) {
        uas.add(481); // wsinv: a To tag of a dialog Tonewall never had (RFC 3261 12.2.2)
      } else {
        uas.add(invite ? 486 : method.equals("OPTIONS") ? 200 : 405);
      }
      if (verdict.equals("invalid")) {
        named.remove(400);
        if (!named.isEmpty()) {
          return new Expected(named, role.contains("drop"), false, false, waiver);
        }
        Set<Integer> rejected = new LinkedHashSet<>(Set.of(400));
        if (role.contains(" or ignore")) {
          rejected.addAll(uas); // baddate: "reject (400) or ignore Date"
        }
        return new Expected(rejected, true, false, false, waiver);
      }
      if (role.startsWith("registrar:")) {
        return new Expected(uas, false, false, false, waiver);
      }
      if (verdict.equals("valid (syntax)") && !named.isEmpty()) {
        if (role.startsWith("proxy:")) {
          named.addAll(uas);
        }
        return new Expected(named, false, false, false, waiver);
      }
      if (verdict.equals("valid")) {
        uas.addAll(named);
      }
      return new Expected(uas, false, invite && !inDialog, false, waiver);
    }

    /** How long to listen for answers: to the end when silence may be the right answer. */
    int waitMillis() {
      return mayDrop ? 700 : 3000;
    }

    Optional<String> mismatch(List<Integer> got) {
      Optional<String> problem = problem(got);
      if (waiver.isPresent()) {
        return problem.isPresent()
            ? Optional.empty()
            : Optional.of("waived (" + waiver.get() + ") but handled as expected: drop the waiver");
      }
      return problem;
    }

    private Optional<String> problem(List<Integer> got) {
      if (response) {
        // JAIN-SIP never hands a response to processRequest, so the request counter cannot tell
        // whether one reached the B2BUA (a late request of an earlier message may move it): only
        // an answer would show that it was taken for a request
        return got.isEmpty()
            ? Optional.empty()
            : Optional.of("a response without a transaction was answered: " + got);
      }
      List<Integer> finals = got.stream().filter(status -> status >= 200).toList();
      if (finals.isEmpty()) {
        return mayDrop ? Optional.empty() : Optional.of("no final response, got " + got);
      }
      if (!statuses.contains(finals.get(0))) {
        return Optional.of("final " + finals.get(0) + ", expected one of " + statuses);
      }
      if (relayed && got.stream().noneMatch(status -> status < 200)) {
        return Optional.of("no provisional response before the relayed final " + finals.get(0));
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return statuses + (mayDrop ? " or drop" : "") + waiver.map(w -> " (waived)").orElse("");
    }
  }

  /**
   * Messages whose expected handling Tonewall cannot meet, each with the reason. Empty while every
   * message is handled as the manifest says; a waived message that is handled as expected fails the
   * test, so that the list only shrinks.
   */
  private static final class Waivers {
    static final Map<String, String> REASONS = Map.of();
  }
}
