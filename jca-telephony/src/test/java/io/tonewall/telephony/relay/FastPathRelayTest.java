package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.rtp.RtpPacket;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native fast path on loopback, with the system clock so that the relay ticks: normal-mode
 * calls move to it, and everything Java must see (secure mode, telephone-events, malformed
 * datagrams, the sequence offset of an earlier secure window, media timeouts, closing) still gets
 * Java's handling.
 */
class FastPathRelayTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int PCMA = 8;
  private static final int EVENTS = 101;
  private static final Duration MEDIA_TIMEOUT = Duration.ofMillis(800);

  private final List<DtmfKey> callerKeys = new CopyOnWriteArrayList<>();
  private final List<DtmfKey> agentKeys = new CopyOnWriteArrayList<>();
  private final List<Duration> timeouts = new CopyOnWriteArrayList<>();
  private final List<long[]> verdicts = new CopyOnWriteArrayList<>();
  private ExecutorService thread;
  private RtpRelay relay;
  private DatagramSocket caller;
  private DatagramSocket agent;
  private MediaSession session;
  private int callerSequence = 1000;
  private long callerTimestamp = 80_000;

  @BeforeEach
  void start() throws Exception {
    relay =
        RtpRelay.open(
            LOOPBACK,
            PortRange.of(21950, 21957),
            Clock.systemUTC(),
            MEDIA_TIMEOUT,
            40,
            1,
            RelayFastPath.NATIVE,
            instant -> {});
    assertThat(relay.nativeFastPath(), is(true));
    thread = Executors.newSingleThreadExecutor();
    relay.start(thread);
    caller = new DatagramSocket(0, LOOPBACK);
    agent = new DatagramSocket(0, LOOPBACK);
    caller.setSoTimeout(1000);
    agent.setSoTimeout(1000);
    session =
        relay.allocate(
            new MediaListener() {
              @Override
              public void callerKey(DtmfKey key) {
                callerKeys.add(key);
              }

              @Override
              public void agentKey(DtmfKey key) {
                agentKeys.add(key);
              }

              @Override
              public void mediaTimedOut(Duration silence) {
                timeouts.add(silence);
              }

              @Override
              public void leakSuspected(long suspiciousFrames, long framesExamined) {}

              @Override
              public void secureWindowClosed(long suspiciousFrames, long framesExamined) {
                synchronized (verdicts) { // as a call's listener takes the call's lock
                  verdicts.add(new long[] {suspiciousFrames, framesExamined});
                }
              }
            });
    session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());
    session.expect(LegSide.AGENT, "127.0.0.1", agent.getLocalPort());
    session.negotiate(AgentLegFormat.of(PCMA, EVENTS));
    session.listenForAgentKeys(false);
  }

  @AfterEach
  void stop() throws InterruptedException {
    relay.close();
    thread.shutdown();
    thread.awaitTermination(5, TimeUnit.SECONDS);
    caller.close();
    agent.close();
  }

  @Test
  void aNormalModeCall_movesToTheFastPath_andItsPacketsPassUnchangedBothWays() throws Exception {
    // given
    onTheFastPath();
    long before = session.fastPathPackets();
    long relayedBefore = session.relayedPackets();

    // when
    List<byte[]> sentByCaller = new ArrayList<>();
    List<byte[]> sentByAgent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sentByCaller.add(callerAudio(null));
      sentByAgent.add(agentAudio(i));
    }

    // then: same bytes arrive, and the fast path counted them
    for (int i = 0; i < 20; i++) {
      assertThat(Arrays.equals(receive(agent).orElseThrow(), sentByCaller.get(i)), is(true));
      assertThat(Arrays.equals(receive(caller).orElseThrow(), sentByAgent.get(i)), is(true));
    }
    awaitAtLeast(session::fastPathPackets, before + 40);
    awaitAtLeast(session::relayedPackets, relayedBefore + 40);
  }

  @Test
  void secureMode_takesTheCallerBackFromTheFastPath_atOnce_andNoKeyReachesTheAgent()
      throws Exception {
    // given
    onTheFastPath();

    // when: secure mode is asked for and the caller keys 7 straight after
    session.secure(true);
    List<short[]> heard = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      callerAudio(i < 6 ? DtmfKey.SEVEN : null);
      Thread.sleep(2);
    }
    for (Optional<byte[]> got = receive(agent); got.isPresent(); got = receive(agent, 300)) {
      heard.add(alawSamples(got.get()));
    }

    // then: the key was captured, and the agent's audio holds no key at all
    assertThat(callerKeys, is(List.of(DtmfKey.SEVEN)));
    assertThat(keysIn(heard), is(empty()));
    long onFastPath = session.fastPathPackets();
    callerAudio(null);
    Thread.sleep(3 * RtpRelay.TICK_MS);
    assertThat(session.fastPathPackets(), is(onFastPath));
  }

  @Test
  void theAgentsTelephoneEvents_onTheFastPath_areHeardAndPassed() throws Exception {
    // given
    onTheFastPath();

    // when: the agent dials 5 by RFC 4733
    byte[] start = rtp(EVENTS, 501, 40_000, HexFormat.of().parseHex("050a00a0"));
    byte[] end = rtp(EVENTS, 502, 40_000, HexFormat.of().parseHex("058a0320"));
    send(agent, start, session.port(LegSide.AGENT));
    byte[] first = receive(caller).orElseThrow();
    send(agent, end, session.port(LegSide.AGENT));
    byte[] second = receive(caller).orElseThrow();

    // then
    assertThat(Arrays.equals(first, start) && Arrays.equals(second, end), is(true));
    awaitAtLeast(() -> agentKeys.size(), 1);
    assertThat(agentKeys, is(List.of(DtmfKey.FIVE)));
  }

  @Test
  void aKeysTelephoneEventTail_afterASecureWindow_neverReachesTheAgent_fromTheFastPath()
      throws Exception {
    // given: a key sent by RFC 4733 begins while secure
    onTheFastPath();
    session.secure(true);
    Thread.sleep(20);
    long keyStart = callerTimestamp;
    for (int i = 0; i < 3; i++) {
      send(caller, callerEvent(keyStart, "040a" + String.format("%04x", 160 * (i + 1))), port());
    }
    Thread.sleep(100); // the relay thread takes them before it applies the next request
    session.secure(false);
    for (int i = 0; i < 15; i++) {
      callerAudio(null);
    }
    drain(agent);
    awaitVerdicts();
    onTheFastPath();

    // when: the same key's last packets arrive, now that the call is back on the fast path
    send(caller, callerEvent(keyStart, "048a0640"), port());
    send(caller, callerEvent(keyStart, "048a0640"), port());
    byte[] audio = callerAudio(null);

    // then: only the audio after them arrives
    byte[] got = receive(agent).orElseThrow();
    assertThat(got[1] & 0x7F, is(PCMA));
    assertThat(Arrays.equals(Arrays.copyOfRange(got, 4, got.length), tail(audio)), is(true));
    assertThat(receive(agent, 150).isPresent(), is(false));
  }

  @Test
  void sequenceNumbers_keepTheSecureWindowsOffset_onTheFastPath() throws Exception {
    // given: two telephone-event packets are dropped while secure, so numbers shift down by two
    onTheFastPath();
    session.secure(true);
    Thread.sleep(20);
    send(caller, callerEvent(callerTimestamp, "090a00a0"), port());
    send(caller, callerEvent(callerTimestamp, "098a0320"), port());
    Thread.sleep(100); // the relay thread takes them before it applies the next request
    session.secure(false);
    for (int i = 0; i < 15; i++) {
      callerAudio(null);
    }
    drain(agent);
    awaitVerdicts();

    // when: normal mode resumes on the fast path
    onTheFastPath();
    long before = session.fastPathPackets();
    List<Integer> sent = new ArrayList<>();
    List<Integer> got = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      sent.add(sequenceOf(callerAudio(null)));
      got.add(sequenceOf(receive(agent).orElseThrow()));
    }

    // then: each number is the sent one minus the two dropped, as Java would have written it
    for (int i = 0; i < 10; i++) {
      assertThat(got.get(i), is((sent.get(i) - 2) & 0xFFFF));
    }
    awaitAtLeast(session::fastPathPackets, before + 10);
  }

  @Test
  void aMalformedDatagram_onTheFastPath_isCountedAndDropped_andRelayingGoesOn() throws Exception {
    // given
    onTheFastPath();

    // when
    send(caller, new byte[] {0x40, 0x00, 0x01, 0x02, 0x03}, port());
    byte[] next = callerAudio(null);

    // then
    assertThat(Arrays.equals(receive(agent).orElseThrow(), next), is(true));
    assertThat(session.malformedPackets(), is(1L));
    onTheFastPath();
  }

  @Test
  void mediaOnTheFastPath_keepsTheCallAlive_andItsEndIsReportedAsATimeout() throws Exception {
    // given
    onTheFastPath();

    // when: 1.2 s of media (longer than the timeout), all on the fast path, then silence
    for (int i = 0; i < 60; i++) {
      callerAudio(null);
      agentAudio(i);
      Thread.sleep(20);
    }
    boolean timedOutWhileMediaFlowed = !timeouts.isEmpty();
    awaitAtLeast(() -> timeouts.size(), 1);

    // then
    assertThat(timedOutWhileMediaFlowed, is(false));
    assertThat(timeouts.size(), is(1));
    assertThat(session.fastPathPackets(), greaterThan(100L));
  }

  @Test
  void closingACallOnTheFastPath_freesItsPorts_andTheNextCallIsRelayed() throws Exception {
    // given
    onTheFastPath();

    // when
    session.close();

    // then
    assertThat(relay.metrics().portsInUse(), is(0));
    assertThat(relay.metrics().sessions(), is(0));
    MediaSession next = relay.allocate(new SilentMediaListener());
    next.expect(LegSide.AGENT, "127.0.0.1", agent.getLocalPort());
    byte[] packet = rtp(PCMA, 7, 160, new byte[160]);
    send(caller, packet, next.port(LegSide.CALLER));
    assertThat(Arrays.equals(receive(agent).orElseThrow(), packet), is(true));
  }

  @Test
  void closingFromAThreadHoldingWhatTheVerdictNeeds_neitherWaitsNorDeadlocks() throws Exception {
    // given: a secure window is open, and the verdict's listener needs a lock the closer holds
    onTheFastPath();
    session.secure(true);
    callerAudio(null);
    Thread.sleep(50);

    // when
    long started = System.nanoTime();
    synchronized (verdicts) {
      session.close();
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    // then: ports are free at once, and the verdict follows once the lock is let go
    assertThat("close took " + tookMs + " ms", tookMs < 1000, is(true));
    assertThat(relay.metrics().portsInUse(), is(0));
    awaitVerdicts();
  }

  /** Latches both parties, then waits until a tick has put the call on the fast path. */
  private void onTheFastPath() throws Exception {
    long before = session.fastPathPackets();
    callerAudio(null);
    receive(agent).orElseThrow();
    agentAudio(0);
    receive(caller).orElseThrow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (session.fastPathPackets() <= before && System.nanoTime() < deadline) {
      Thread.sleep(RtpRelay.TICK_MS / 2);
      callerAudio(null);
      receive(agent).orElseThrow();
    }
    assertThat("on the fast path", session.fastPathPackets(), greaterThan(before));
  }

  private int port() {
    return session.port(LegSide.CALLER);
  }

  /** Sends the caller's next 20 ms of PCMA audio: key {@code key} or a quiet level. */
  private byte[] callerAudio(DtmfKey key) throws Exception {
    short[] samples =
        key == null ? CallerAudio.level(64, 160) : CallerAudio.tone(key, callerTimestamp, 160);
    byte[] packet = rtp(PCMA, callerSequence++, callerTimestamp, G711.linearToAlaw(samples));
    callerTimestamp += 160;
    send(caller, packet, port());
    return packet;
  }

  private byte[] callerEvent(long timestamp, String block) {
    return rtp(EVENTS, callerSequence++, timestamp, HexFormat.of().parseHex(block));
  }

  private byte[] agentAudio(int frame) throws Exception {
    byte[] packet =
        rtp(
            PCMA,
            3000 + frame,
            50_000L + 160L * frame,
            G711.linearToAlaw(CallerAudio.level(-64, 160)));
    send(agent, packet, session.port(LegSide.AGENT));
    return packet;
  }

  private static byte[] rtp(int payloadType, int sequence, long timestamp, byte[] payload) {
    return CallerAudio.packet(payloadType, sequence & 0xFFFF, timestamp, payload).buffer().array();
  }

  private static byte[] tail(byte[] packet) {
    return Arrays.copyOfRange(packet, 4, packet.length);
  }

  private static int sequenceOf(byte[] packet) {
    return ((packet[2] & 0xFF) << 8) | (packet[3] & 0xFF);
  }

  private static short[] alawSamples(byte[] packet) {
    RtpPacket parsed = RtpPacket.parse(ByteBuffer.wrap(packet));
    byte[] codes = new byte[parsed.payloadLength()];
    parsed.payload().get(codes);
    return G711.alawToLinear(codes);
  }

  private static List<String> keysIn(List<short[]> frames) {
    List<String> keys = new ArrayList<>();
    DtmfDetector detector = new DtmfDetector(digit -> keys.add(String.valueOf(digit.symbol())));
    for (short[] frame : frames) {
      detector.process(frame);
    }
    detector.process(new short[1600]);
    return keys;
  }

  private void awaitVerdicts() throws InterruptedException {
    for (int i = 0; i < 100 && verdicts.isEmpty(); i++) {
      Thread.sleep(20);
    }
    assertThat(verdicts.size(), is(1));
  }

  private static void awaitAtLeast(LongSupplier value, long wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (value.getAsLong() < wanted && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(value.getAsLong(), greaterThanOrEqualTo(wanted));
  }

  private static void drain(DatagramSocket socket) throws Exception {
    while (receive(socket, 150).isPresent()) {
      // what the secure window let out
    }
  }

  private static void send(DatagramSocket from, byte[] bytes, int port) throws Exception {
    from.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
  }

  private static Optional<byte[]> receive(DatagramSocket socket) throws Exception {
    return receive(socket, 1000);
  }

  private static Optional<byte[]> receive(DatagramSocket socket, int timeoutMs) throws Exception {
    socket.setSoTimeout(timeoutMs);
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOf(packet.getData(), packet.getLength()));
  }
}
