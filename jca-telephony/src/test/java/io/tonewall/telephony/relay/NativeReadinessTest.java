package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native fast path's own rules, without a relay loop: two connected channels play Tonewall's
 * caller-side and agent-side sockets, two plain sockets the parties.
 */
class NativeReadinessTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int EVENTS = 101;

  private final List<String> handled = new ArrayList<>();
  private final ReadyHandler handler =
      new ReadyHandler() {
        @Override
        public void readable(Inlet inlet) {
          handled.add("readable " + inlet.leg().side());
        }

        @Override
        public void handedBack(Inlet inlet, ByteBuffer datagram) {
          handled.add("handed back " + inlet.leg().side() + " " + datagram.remaining());
        }
      };
  private NativeReadiness readiness;
  private DatagramSocket caller;
  private DatagramSocket agent;
  private Inlet callerSide;
  private Inlet agentSide;

  @BeforeEach
  void open() throws Exception {
    readiness = NativeReadiness.open();
    caller = new DatagramSocket(0, LOOPBACK);
    agent = new DatagramSocket(0, LOOPBACK);
    callerSide = new Inlet(null, leg(LegSide.CALLER, caller), false);
    agentSide = new Inlet(null, leg(LegSide.AGENT, agent), false);
    readiness.register(callerSide);
    readiness.register(agentSide);
  }

  @AfterEach
  void close() throws Exception {
    readiness.deregister(callerSide);
    readiness.deregister(agentSide);
    readiness.close();
    callerSide.leg().close();
    agentSide.leg().close();
    caller.close();
    agent.close();
  }

  @Test
  void aSocketInJavaMode_isOnlyReportedReady() throws Exception {
    // when
    send(caller, rtp(8, 1), callerSide);
    poll();

    // then
    assertThat(handled, is(List.of("readable CALLER")));
    assertThat(receive(agent).isPresent(), is(false));
  }

  @Test
  void forwardsPlainRtp_withTheSequenceOffset_andCountsIt() throws Exception {
    // given
    readiness.forward(callerSide, agentSide.leg(), EVENTS, 65534, false);

    // when
    send(caller, rtp(8, 10), callerSide);
    poll();

    // then: numbered 10 - 2, nothing for Java
    byte[] got = receive(agent).orElseThrow();
    assertThat(((got[2] & 0xFF) << 8) | (got[3] & 0xFF), is(8));
    assertThat(handled, is(List.of()));
    List<FastPathCounts> counts = new ArrayList<>();
    readiness.collect((inlet, c) -> counts.add(c));
    assertThat(counts, is(List.of(new FastPathCounts(1, 1, 0))));
  }

  @Test
  void aPendingTask_sendsTheNextDatagramToJava_evenWithoutAWakeUp() throws Exception {
    // given
    readiness.forward(callerSide, agentSide.leg(), EVENTS, 0, false);

    // when: a task is announced (its wake-up not yet written) and a packet is read
    readiness.taskQueued();
    send(caller, rtp(8, 10), callerSide);
    poll();
    readiness.taskDone();

    // then: Java has it, the agent does not, and the socket stays with Java
    assertThat(handled, is(List.of("handed back CALLER 172")));
    assertThat(receive(agent).isPresent(), is(false));
    send(caller, rtp(8, 11), callerSide);
    poll();
    assertThat(handled.get(1), is("readable CALLER"));
  }

  @Test
  void handsBackTelephoneEvents_rtcp_paddingAndNonRtp() throws Exception {
    for (byte[] datagram :
        List.of(rtp(EVENTS, 1), rtcp(), padded(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})) {
      // given
      handled.clear();
      readiness.forward(callerSide, agentSide.leg(), EVENTS, 0, false);

      // when
      send(caller, datagram, callerSide);
      poll();

      // then
      assertThat(handled, is(List.of("handed back CALLER " + datagram.length)));
      assertThat(receive(agent).isPresent(), is(false));
    }
  }

  @Test
  void remembersTheLastEightForwarded_oldestFirst_andHandsThemOverOnce() throws Exception {
    // given
    readiness.forward(callerSide, agentSide.leg(), EVENTS, 0, true);
    for (int seq = 1; seq <= 10; seq++) {
      send(caller, rtp(8, seq), callerSide);
      poll();
      receive(agent).orElseThrow();
    }

    // when
    List<Integer> remembered = new ArrayList<>();
    readiness.stopForwarding(
        callerSide, datagram -> remembered.add(datagram.getShort(2) & 0xFFFF), (i, c) -> {});
    List<Integer> again = new ArrayList<>();
    readiness.stopForwarding(
        callerSide, datagram -> again.add(datagram.getShort(2) & 0xFFFF), (i, c) -> {});

    // then
    assertThat(remembered, is(List.of(3, 4, 5, 6, 7, 8, 9, 10)));
    assertThat(again, is(List.of()));
  }

  @Test
  void afterTheTargetLeaves_theSourceNoLongerForwards() throws Exception {
    // given
    readiness.forward(callerSide, agentSide.leg(), EVENTS, 0, false);

    // when
    readiness.deregister(agentSide);
    send(caller, rtp(8, 1), callerSide);
    poll();

    // then
    assertThat(handled, is(List.of("readable CALLER")));
  }

  private void poll() throws Exception {
    Thread.sleep(20);
    readiness.poll(0, handler);
  }

  /** Tonewall's socket towards {@code party}: bound, latched and connected. */
  private static RelayLeg leg(LegSide side, DatagramSocket party) throws Exception {
    DatagramChannel rtp = DatagramChannel.open();
    rtp.bind(new InetSocketAddress(LOOPBACK, 0));
    rtp.configureBlocking(false);
    rtp.connect(party.getLocalSocketAddress());
    DatagramChannel rtcp = DatagramChannel.open();
    rtcp.bind(new InetSocketAddress(LOOPBACK, 0));
    rtcp.configureBlocking(false);
    return new RelayLeg(side, rtp, rtcp, ((InetSocketAddress) rtp.getLocalAddress()).getPort());
  }

  private static void send(DatagramSocket from, byte[] bytes, Inlet to) throws Exception {
    from.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, to.leg().port()));
  }

  private static Optional<byte[]> receive(DatagramSocket socket) throws Exception {
    socket.setSoTimeout(150);
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOf(packet.getData(), packet.getLength()));
  }

  private static byte[] rtp(int payloadType, int sequence) {
    return CallerAudio.packet(payloadType, sequence, 160L * sequence, new byte[160])
        .buffer()
        .array();
  }

  private static byte[] rtcp() {
    return new byte[] {(byte) 0x80, (byte) 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
  }

  private static byte[] padded() {
    byte[] packet = rtp(8, 1);
    packet[0] |= 0x20;
    packet[packet.length - 1] = 4;
    return packet;
  }
}
