package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A relay with two loops (threads) on loopback: how sessions are placed (spread evenly, or filling
 * the first loop first), freed and relayed.
 */
class RtpRelayThreadsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int CALLS = 1000;

  private volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private final Map<MediaSession, String> timedOutOn = new ConcurrentHashMap<>();
  private ExecutorService threads;
  private RtpRelay relay;

  @BeforeEach
  void start() throws Exception {
    threads = Executors.newCachedThreadPool();
    relay = openRelay(LoopPlacement.SPREAD);
    relay.start(threads);
  }

  private RtpRelay openRelay(LoopPlacement placement) throws java.io.IOException {
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
    return RtpRelay.open(
        LOOPBACK,
        PortRange.of(27000, 27000 + 4 * CALLS + 63),
        clock,
        Duration.ofSeconds(5),
        40,
        2,
        placement,
        fastPath(),
        instant -> {});
  }

  /** Which relay these tests run against. */
  RelayFastPath fastPath() {
    return RelayFastPath.NATIVE;
  }

  @AfterEach
  void stop() throws InterruptedException {
    relay.close();
    threads.shutdown();
    threads.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void spreadsSessionsOverTheLoops_eachSessionStayingOnOneThread() throws Exception {
    // given
    assertThat(relay.threads(), is(2));
    List<MediaSession> sessions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      sessions.add(allocateWatched());
    }

    // when: every session times out (reported on its loop's thread)
    awaitTimeouts(sessions);

    // then: two sessions per loop thread
    Map<String, Integer> perThread = new ConcurrentHashMap<>();
    sessions.forEach(s -> perThread.merge(timedOutOn.get(s), 1, Integer::sum));
    assertThat(perThread.size(), is(2));
    assertThat(new HashSet<>(perThread.values()), is(Set.of(2)));
  }

  @Test
  void fillingFirst_keepsCallsOnTheFirstLoop_untilItHoldsItsShare() throws Exception {
    // given: a relay whose loops take three calls each before the next is used
    relay.close();
    relay = openRelay(new LoopPlacement(3));
    relay.start(threads);
    List<MediaSession> sessions = new ArrayList<>();

    // when
    for (int i = 0; i < 5; i++) {
      sessions.add(allocateWatched());
    }
    awaitTimeouts(sessions);

    // then: the first three share a thread, the next two share the other one
    String first = timedOutOn.get(sessions.get(0));
    assertThat(timedOutOn.get(sessions.get(1)), is(first));
    assertThat(timedOutOn.get(sessions.get(2)), is(first));
    String second = timedOutOn.get(sessions.get(3));
    assertThat(second.equals(first), is(false));
    assertThat(timedOutOn.get(sessions.get(4)), is(second));
  }

  @Test
  void aClosedSessionFreesItsLoop_forTheNextSession() throws Exception {
    // given: one session per loop; the first is closed
    MediaSession first = allocateWatched();
    MediaSession second = allocateWatched();
    awaitTimeouts(List.of(first, second));
    first.close();

    // when
    MediaSession third = allocateWatched();
    awaitTimeouts(List.of(third));

    // then: the third went to the loop the first left, not to the busy one
    assertThat(timedOutOn.get(third), is(timedOutOn.get(first)));
    assertThat(timedOutOn.get(third).equals(timedOutOn.get(second)), is(false));
  }

  @Test
  void thousandCallsAcrossTheLoops_relayAndLeaveNoPortOrSession() throws Exception {
    // given: four clients, each opening a quarter of the calls and relaying a packet through each
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<List<MediaSession>>> opened = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      opened.add(clients.submit(() -> openAndRelay(CALLS / 4)));
    }
    List<MediaSession> sessions = new ArrayList<>();
    for (Future<List<MediaSession>> each : opened) {
      sessions.addAll(each.get(60, TimeUnit.SECONDS));
    }
    assertThat(relay.metrics().sessions(), is(CALLS));
    assertThat(relay.metrics().portsInUse(), is(4 * CALLS));

    // when
    List<Future<?>> closing = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      List<MediaSession> quarter = sessions.subList(c * CALLS / 4, (c + 1) * CALLS / 4);
      closing.add(clients.submit(() -> quarter.forEach(MediaSession::close)));
    }
    for (Future<?> each : closing) {
      each.get(60, TimeUnit.SECONDS);
    }
    clients.shutdown();

    // then
    long relayed = sessions.stream().mapToLong(MediaSession::relayedPackets).sum();
    assertThat(relayed, is((long) CALLS));
    assertThat(relay.metrics().sessions(), is(0));
    assertThat(relay.metrics().portsInUse(), is(0));
    assertThat(relay.metrics().failedPackets(), is(0L));
  }

  /**
   * Bursts make the loops coalesce (pause, then take many ready sockets at once); every packet is
   * still relayed, in order per call, and a lone packet after the burst is answered without waiting
   * for more traffic.
   */
  @Test
  void burstsOfManyCalls_areAllRelayed_thenALonePacketPassesPromptly() throws Exception {
    // given: 200 calls from one caller socket to one agent socket
    int calls = 200;
    int rounds = 20;
    try (DatagramSocket caller = new DatagramSocket(0, LOOPBACK);
        DatagramSocket agent = new DatagramSocket(0, LOOPBACK)) {
      agent.setReceiveBufferSize(4 << 20);
      agent.setSoTimeout(2000);
      List<MediaSession> sessions = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        MediaSession session = relay.allocate(new SilentMediaListener());
        session.expect(LegSide.AGENT, "127.0.0.1", agent.getLocalPort());
        sessions.add(session);
      }
      Thread.sleep(100);
      byte[] packet = new byte[172];
      packet[0] = (byte) 0x80;
      packet[1] = 8;

      // when: every call sends a packet per round, all at once, 20 rounds 5 ms apart
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < calls; i++) {
          packet[2] = (byte) round;
          packet[3] = (byte) i;
          packet[4] = (byte) (i >> 8);
          caller.send(
              new DatagramPacket(
                  packet, packet.length, LOOPBACK, sessions.get(i).port(LegSide.CALLER)));
        }
        Thread.sleep(5);
      }
      int[] lastRound = new int[calls];
      java.util.Arrays.fill(lastRound, -1);
      for (int k = 0; k < calls * rounds; k++) {
        DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
        agent.receive(received);
        int call = (received.getData()[3] & 0xFF) | (received.getData()[4] & 0xFF) << 8;
        int round = received.getData()[2];
        assertThat("call " + call + " in order", round, is(lastRound[call] + 1));
        lastRound[call] = round;
      }

      // then: all relayed; and a lone packet afterwards comes through at once
      long relayed = sessions.stream().mapToLong(MediaSession::relayedPackets).sum();
      assertThat(relayed, is((long) calls * rounds));
      Thread.sleep(50);
      long sent = System.nanoTime();
      caller.send(
          new DatagramPacket(
              packet, packet.length, LOOPBACK, sessions.get(7).port(LegSide.CALLER)));
      agent.receive(new DatagramPacket(new byte[2048], 2048));
      long waitedMs = (System.nanoTime() - sent) / 1_000_000;
      assertThat("waited " + waitedMs + " ms", waitedMs < 100, is(true));
      sessions.forEach(MediaSession::close);
    }
  }

  private List<MediaSession> openAndRelay(int calls) throws Exception {
    List<MediaSession> opened = new ArrayList<>();
    try (DatagramSocket caller = new DatagramSocket(0, LOOPBACK);
        DatagramSocket agent = new DatagramSocket(0, LOOPBACK)) {
      caller.setSoTimeout(2000);
      agent.setSoTimeout(2000);
      byte[] packet = new byte[172];
      packet[0] = (byte) 0x80;
      packet[1] = 8;
      for (int i = 0; i < calls; i++) {
        MediaSession session = relay.allocate(new SilentMediaListener());
        opened.add(session);
        session.expect(LegSide.AGENT, "127.0.0.1", agent.getLocalPort());
        packet[3] = (byte) i;
        caller.send(
            new DatagramPacket(packet, packet.length, LOOPBACK, session.port(LegSide.CALLER)));
        DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
        agent.receive(received);
        assertThat(received.getLength(), is(172));
        assertThat(received.getData()[3], is((byte) i));
      }
    }
    return opened;
  }

  private MediaSession allocateWatched() throws RtpPortsExhaustedException {
    MediaSession[] self = new MediaSession[1];
    self[0] =
        relay.allocate(
            new SilentMediaListener() {
              @Override
              public void mediaTimedOut(Duration silence) {
                timedOutOn.put(self[0], Thread.currentThread().getName());
              }
            });
    return self[0];
  }

  private void awaitTimeouts(List<MediaSession> sessions) throws InterruptedException {
    now = now.plusSeconds(6);
    for (int i = 0; i < 100 && !timedOutOn.keySet().containsAll(sessions); i++) {
      Thread.sleep(20);
    }
    assertThat(timedOutOn.keySet().containsAll(sessions), is(true));
  }
}
