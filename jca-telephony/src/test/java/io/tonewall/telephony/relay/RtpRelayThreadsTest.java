package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.dtmf.DtmfKey;
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

/** A relay with two loops (threads) on loopback: how sessions are spread, freed and relayed. */
class RtpRelayThreadsTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int CALLS = 1000;

  private volatile Instant now = Instant.parse("2026-11-22T10:00:00Z");
  private final Map<MediaSession, String> timedOutOn = new ConcurrentHashMap<>();
  private ExecutorService threads;
  private RtpRelay relay;

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
            PortRange.of(54100, 54100 + 4 * CALLS + 63),
            clock,
            Duration.ofSeconds(5),
            40,
            2,
            instant -> {});
    threads = Executors.newCachedThreadPool();
    relay.start(threads);
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
        MediaSession session = relay.allocate(new Silent());
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
            new Silent() {
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

  private static class Silent implements MediaListener {
    @Override
    public void callerKey(DtmfKey key) {}

    @Override
    public void agentKey(DtmfKey key) {}

    @Override
    public void mediaTimedOut(Duration silence) {}

    @Override
    public void leakSuspected(long suspiciousFrames, long framesExamined) {}

    @Override
    public void secureWindowClosed(long suspiciousFrames, long framesExamined) {}
  }
}
