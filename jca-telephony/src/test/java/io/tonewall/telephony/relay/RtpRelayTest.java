package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfKey;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on loopback sockets: two UDP sockets play caller and agent. Runs with the native fast
 * path required; {@link RtpRelayJavaPathTest} runs the same tests on Java NIO alone.
 */
class RtpRelayTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final List<Duration> timeouts = new CopyOnWriteArrayList<>();
  private final List<DtmfKey> agentKeys = new CopyOnWriteArrayList<>();
  private final List<Long> leaks = new CopyOnWriteArrayList<>();
  private final List<long[]> verdicts = new CopyOnWriteArrayList<>();
  private volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private ExecutorService thread;
  private RtpRelay relay;
  private DatagramSocket caller;
  private DatagramSocket agent;
  private MediaSession session;

  @BeforeEach
  void start() throws Exception {
    Clock clock =
        new Clock() {
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
        };
    relay =
        RtpRelay.open(
            LOOPBACK,
            PortRange.of(20950, 20957),
            clock,
            Duration.ofSeconds(5),
            40,
            1,
            fastPath(),
            instant -> {});
    thread = Executors.newSingleThreadExecutor();
    relay.start(thread);
    caller = new DatagramSocket(0, LOOPBACK);
    agent = new DatagramSocket(0, LOOPBACK);
    caller.setSoTimeout(2000);
    agent.setSoTimeout(2000);
    session =
        relay.allocate(
            new MediaListener() {
              @Override
              public void callerKey(DtmfKey key) {}

              @Override
              public void agentKey(DtmfKey key) {
                agentKeys.add(key);
              }

              @Override
              public void mediaTimedOut(Duration silence) {
                timeouts.add(silence);
              }

              @Override
              public void leakSuspected(long suspiciousFrames, long framesExamined) {
                leaks.add(suspiciousFrames);
              }

              @Override
              public void secureWindowClosed(long suspiciousFrames, long framesExamined) {
                verdicts.add(new long[] {suspiciousFrames, framesExamined});
              }
            });
    session.expect(LegSide.AGENT, "127.0.0.1", agent.getLocalPort());
    session.negotiate(AgentLegFormat.of(AgentLegFormat.PCMA, 101));
  }

  /** Which relay these tests run against. */
  RelayFastPath fastPath() {
    return RelayFastPath.NATIVE;
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
  void aRequestThatFails_isCounted_andTheRelayGoesOn() throws Exception {
    // given: a request that throws on the relay thread
    session.negotiate(null);
    session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());

    // when
    byte[] packet = rtp(8, 1, 160);
    send(caller, packet, session.port(LegSide.CALLER));

    // then
    assertThat(receive(agent).isPresent(), is(true));
    assertThat(relay.metrics().failedPackets(), is(1L));
  }

  @Test
  void relaysBothWays_answeringTheCallerWhereItsPacketsCameFrom() throws Exception {
    // given: SDP named a port the caller does not use (NAT)
    session.expect(LegSide.CALLER, "127.0.0.1", 9);

    // when
    send(caller, rtp(8, 1, 160), session.port(LegSide.CALLER));
    byte[] atAgent = receive(agent).orElseThrow();
    send(agent, rtp(8, 7, 160), session.port(LegSide.AGENT));
    byte[] atCaller = receive(caller).orElseThrow();

    // then
    assertThat(atAgent.length, is(172));
    assertThat(atCaller.length, is(172));
    assertThat(atCaller[3] & 0xFF, is(7));
  }

  @Test
  void afterLatching_onlyTheLatchedPartyIsRelayed_andAnswersGoToIt() throws Exception {
    // given: the caller's first packet latched (and connected) the caller leg
    session.expect(LegSide.CALLER, "127.0.0.1", 9);
    send(caller, rtp(8, 1, 160), session.port(LegSide.CALLER));
    assertThat(receive(agent).orElseThrow()[3] & 0xFF, is(1));
    try (DatagramSocket stray = new DatagramSocket(0, LOOPBACK)) {
      stray.setSoTimeout(300);

      // when: a second source sends to the caller leg, then the caller and the agent do
      send(stray, rtp(8, 2, 160), session.port(LegSide.CALLER));
      send(caller, rtp(8, 3, 160), session.port(LegSide.CALLER));
      send(agent, rtp(8, 7, 160), session.port(LegSide.AGENT));

      // then: the stray packet never reached the agent, the answer went to the latched caller
      assertThat(receive(agent).orElseThrow()[3] & 0xFF, is(3));
      assertThat(receive(caller).orElseThrow()[3] & 0xFF, is(7));
      assertThat(receive(stray), is(Optional.empty()));
      assertThat(relay.metrics().failedPackets(), is(0L));
    }
  }

  @Test
  void latchesTheFirstWellFormedSource_notAMalformedOne() throws Exception {
    // given: a stray socket sends garbage first, then the caller real RTP
    session.expect(LegSide.CALLER, "127.0.0.1", 9);
    try (DatagramSocket stray = new DatagramSocket(0, LOOPBACK)) {
      stray.setSoTimeout(300);
      send(stray, new byte[] {0x13, 1, 2}, session.port(LegSide.CALLER));

      // when
      send(caller, rtp(8, 4, 160), session.port(LegSide.CALLER));
      receive(agent).orElseThrow();
      send(agent, rtp(8, 8, 160), session.port(LegSide.AGENT));

      // then: the caller, not the stray source, was latched
      assertThat(receive(caller).orElseThrow()[3] & 0xFF, is(8));
      assertThat(receive(stray), is(Optional.empty()));
    }
  }

  @Test
  void dropsAndCountsMalformedPackets_andKeepsRelaying() throws Exception {
    // given
    byte[] huge = rtp(8, 2, 4);
    huge[0] = (byte) 0x8F; // 15 CSRCs announced, none present
    byte[] version1 = rtp(8, 3, 160);
    version1[0] = 0x40;
    byte[] random = new byte[50];
    new java.util.Random(7).nextBytes(random);
    random[0] = 0x13;

    // when
    for (byte[] bad : List.of(new byte[] {(byte) 0x80, 8, 0}, huge, version1, random)) {
      send(caller, bad, session.port(LegSide.CALLER));
    }
    send(caller, rtp(8, 4, 160), session.port(LegSide.CALLER));
    byte[] relayed = receive(agent).orElseThrow();

    // then
    assertThat(relayed[3] & 0xFF, is(4));
    assertThat(session.malformedPackets(), is(4L));
    assertThat(relay.metrics().malformedPackets(), is(4L));
    assertThat(relay.metrics().failedPackets(), is(0L));
  }

  @Test
  void passesRtcpThrough_onThePortAbove() throws Exception {
    // given
    try (DatagramSocket agentRtcp = new DatagramSocket(agent.getLocalPort() + 1, LOOPBACK)) {
      agentRtcp.setSoTimeout(2000);
      byte[] report = new byte[28];
      report[0] = (byte) 0x81;
      report[1] = (byte) 200; // sender report
      report[3] = 6;

      // when
      send(caller, report, session.port(LegSide.CALLER) + 1);
      Optional<byte[]> relayed = receive(agentRtcp);

      // then
      assertThat(relayed.orElseThrow()[1] & 0xFF, is(200));
    }
  }

  @Test
  void reportsMediaTimeoutOnce_whenNothingArrivesForTheConfiguredTime() throws Exception {
    // when
    now = now.plusSeconds(6);
    Thread.sleep(400);
    now = now.plusSeconds(6);
    Thread.sleep(400);

    // then
    assertThat(timeouts.size(), is(1));
  }

  @Test
  void freesEveryPort_whenSessionCloses() {
    // given
    assertThat(relay.metrics().portsInUse(), is(4));

    // when
    session.close();

    // then
    assertThat(relay.metrics().portsInUse(), is(0));
    assertThat(relay.metrics().sessions(), is(0));
  }

  @Test
  void refusesSession_whenEveryPortPairIsTaken() throws Exception {
    // given: the range holds four pairs, the session took two
    relay.allocate(new SilentMediaListener());

    // when / then
    org.junit.jupiter.api.Assertions.assertThrows(
        RtpPortsExhaustedException.class, () -> relay.allocate(new SilentMediaListener()));
    assertThat(relay.metrics().portsInUse(), is(8));
  }

  @Test
  void hearsTheAgentDialling_byTelephoneEvents() throws Exception {
    // given
    session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());

    // when: key 5, three packets, the last with the end bit
    for (int i = 0; i < 3; i++) {
      byte[] event = rtp(101, 10 + i, 4);
      event[12] = 5;
      event[13] = (byte) (i == 2 ? 0x8A : 0x0A);
      event[15] = (byte) (160 * (i + 1));
      event[14] = (byte) ((160 * (i + 1)) >> 8);
      send(agent, event, session.port(LegSide.AGENT));
      receive(caller);
    }

    // then
    assertThat(agentKeys, is(List.of(DtmfKey.fromSymbol('5').orElseThrow())));
  }

  @Test
  void hearsTheAgentDiallingInBand_onlyWhileAskedToListen() throws Exception {
    // given: in-band listening off (the call cannot be paired)
    session.listenForAgentKeys(false);

    // when: key 5 in-band for 100 ms, then silence
    sendAgentAudio(0, 10, DtmfKey.FIVE, 5);

    // then: not heard
    assertThat(agentKeys, is(List.of()));

    // when: listening on again (a pairing code was allocated), key 8 then key 5
    session.listenForAgentKeys(true);
    sendAgentAudio(10, 10, DtmfKey.EIGHT, 5);
    sendAgentAudio(20, 10, DtmfKey.FIVE, 5);

    // then: both heard, nothing from before
    assertThat(agentKeys, is(List.of(DtmfKey.EIGHT, DtmfKey.FIVE)));
  }

  @Test
  void hearsTheAgentsTelephoneEvents_evenWhenNotListeningInBand() throws Exception {
    // given
    session.listenForAgentKeys(false);
    session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());

    // when: key 5 as RFC 4733 events
    for (int i = 0; i < 3; i++) {
      byte[] event = rtp(101, 10 + i, 4);
      event[12] = 5;
      event[13] = (byte) (i == 2 ? 0x8A : 0x0A);
      event[15] = (byte) (160 * (i + 1));
      event[14] = (byte) ((160 * (i + 1)) >> 8);
      send(agent, event, session.port(LegSide.AGENT));
      receive(caller);
    }

    // then
    assertThat(agentKeys, is(List.of(DtmfKey.FIVE)));
  }

  @Test
  void secureWindow_maskedKeys_verdictOfZeroSuspiciousFrames_whenSecureModeEnds() throws Exception {
    // given
    session.secure(true);
    Thread.sleep(100);

    // when: 100 ms of key 4 in-band (PCMA), then silence, then secure mode off
    sendAudio(0, 30, DtmfKey.FOUR, 5);
    session.secure(false);
    Thread.sleep(100); // the relay thread applies it between datagrams, not inside a drain
    sendAudio(30, 10, DtmfKey.FOUR, 0);
    awaitVerdicts(1);

    // then
    assertThat(leaks, is(List.of()));
    assertThat(verdicts.get(0)[0], is(0L));
    assertThat(verdicts.get(0)[1] >= 30, is(true));
  }

  @Test
  void secureWindow_closesWithTheSession_andNormalModeGivesNoSentinelEvent() throws Exception {
    // given: keys in normal mode are not watched
    sendAudio(0, 10, DtmfKey.NINE, 10);
    session.secure(true);
    sendAudio(10, 5, DtmfKey.NINE, 0);

    // when
    session.close();
    awaitVerdicts(1);

    // then
    assertThat(leaks, is(List.of()));
    assertThat(verdicts.size(), is(1));
    assertThat(verdicts.get(0)[0], is(0L));
  }

  private void sendAudio(int firstFrame, int frames, DtmfKey key, int keyFrames) throws Exception {
    session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());
    for (int f = firstFrame; f < firstFrame + frames; f++) {
      long timestamp = 16000L + 160L * f;
      short[] audio =
          f - firstFrame < keyFrames
              ? CallerAudio.tone(key, timestamp, 160)
              : CallerAudio.level(0, 160);
      byte[] packet =
          CallerAudio.packet(8, 100 + f, timestamp, G711.linearToAlaw(audio)).buffer().array();
      send(caller, packet, session.port(LegSide.CALLER));
      receive(agent);
    }
  }

  private void sendAgentAudio(int firstFrame, int frames, DtmfKey key, int keyFrames)
      throws Exception {
    session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());
    for (int f = firstFrame; f < firstFrame + frames; f++) {
      long timestamp = 16000L + 160L * f;
      short[] audio =
          f - firstFrame < keyFrames
              ? CallerAudio.tone(key, timestamp, 160)
              : CallerAudio.level(0, 160);
      byte[] packet =
          CallerAudio.packet(8, 100 + f, timestamp, G711.linearToAlaw(audio)).buffer().array();
      send(agent, packet, session.port(LegSide.AGENT));
      receive(caller);
    }
  }

  private void awaitVerdicts(int count) throws InterruptedException {
    for (int i = 0; i < 100 && verdicts.size() < count; i++) {
      Thread.sleep(20);
    }
    assertThat(verdicts.size(), is(count));
  }

  private static byte[] rtp(int payloadType, int sequence, int payloadLength) {
    byte[] packet = new byte[12 + payloadLength];
    packet[0] = (byte) 0x80;
    packet[1] = (byte) payloadType;
    packet[2] = (byte) (sequence >> 8);
    packet[3] = (byte) sequence;
    packet[7] = 0x10; // timestamp 16
    packet[8] = 0x12;
    packet[11] = 0x34;
    for (int i = 12; i < packet.length; i++) {
      packet[i] = (byte) 0xD5;
    }
    return packet;
  }

  private static void send(DatagramSocket from, byte[] bytes, int port) throws Exception {
    from.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
  }

  private static Optional<byte[]> receive(DatagramSocket socket) throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    return Optional.of(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
  }
}
