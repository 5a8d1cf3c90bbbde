package io.tonewall.telephony.relay;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfDetector;
import io.tonewall.telephony.dtmf.DtmfKey;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same call through a relay with the native fast path and through one with Java alone: the
 * agent must receive the same bytes, packet for packet, and the same keys must be captured. The
 * call switches to secure mode while a key is sounding (the fast path's last packets are replayed
 * into the masker), keys two more digits (one in-band, one by RFC 4733), leaves secure mode and
 * goes on in normal mode long enough to return to the fast path.
 */
class FastPathEquivalenceTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int PCMA = 8;
  private static final int EVENTS = 101;

  @Test
  void theFastPathChangesNothingTheAgentHearsOrTheKeysCaptured() throws Exception {
    // when
    Heard java = run(RelayFastPath.OFF, 22950);
    Heard fast = run(RelayFastPath.NATIVE, 22960);

    // then
    assertThat(fast.fastPathPackets(), greaterThan(10L)); // before the switch: replay was needed
    assertThat(java.fastPathPackets(), is(0L));
    assertThat(fast.keys(), is(java.keys()));
    assertThat(fast.keys(), is(List.of(DtmfKey.SEVEN, DtmfKey.THREE, DtmfKey.NINE)));
    assertThat(fast.packets().size(), is(java.packets().size()));
    for (int i = 0; i < java.packets().size(); i++) {
      assertThat(
          "agent packet " + i,
          HexFormat.of().formatHex(fast.packets().get(i)),
          is(HexFormat.of().formatHex(java.packets().get(i))));
    }
    assertThat(keysAfterTheSwitch(fast), is(empty()));
  }

  private Heard run(RelayFastPath fastPath, int firstPort) throws Exception {
    List<DtmfKey> keys = new CopyOnWriteArrayList<>();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    RtpRelay relay =
        RtpRelay.open(
            LOOPBACK,
            PortRange.of(firstPort, firstPort + 7),
            Clock.systemUTC(),
            Duration.ofSeconds(30),
            40,
            1,
            fastPath,
            instant -> {});
    try (DatagramSocket caller = new DatagramSocket(0, LOOPBACK);
        DatagramSocket agent = new DatagramSocket(0, LOOPBACK)) {
      relay.start(thread);
      MediaSession session = relay.allocate(new KeyListener(keys));
      session.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());
      session.expect(LegSide.AGENT, "127.0.0.1", agent.getLocalPort());
      session.negotiate(AgentLegFormat.of(PCMA, EVENTS));
      session.listenForAgentKeys(false);
      int port = session.port(LegSide.CALLER);
      send(agent, rtp(PCMA, 1, 160, new byte[160]), session.port(LegSide.AGENT));

      List<byte[]> heard = new ArrayList<>();
      Caller call = new Caller(caller, port);
      for (int f = 0; f < 25; f++) { // normal mode, paced: the fast path takes over at a tick
        call.audio(null);
        heard.add(receive(agent, 1000));
        Thread.sleep(20);
      }
      for (int f = 0; f < 4; f++) { // key 7 begins in normal mode
        call.audio(DtmfKey.SEVEN);
        heard.add(receive(agent, 1000));
      }
      session.secure(true);
      Thread.sleep(50);
      long beforeSecure = session.fastPathPackets(); // counted when secure mode took the call back
      for (int f = 0; f < 4; f++) { // ... and goes on once secure
        call.audio(DtmfKey.SEVEN);
      }
      for (int f = 0; f < 8; f++) {
        call.audio(null);
      }
      for (int f = 0; f < 6; f++) {
        call.audio(DtmfKey.THREE);
      }
      for (int f = 0; f < 8; f++) {
        call.audio(null);
      }
      call.event("090a00a0", false);
      call.event("090a0140", false);
      call.event("098a0280", true);
      for (int f = 0; f < 10; f++) {
        call.audio(null);
      }
      Thread.sleep(100);
      session.secure(false);
      Thread.sleep(50);
      for (int f = 0; f < 30; f++) { // normal mode again, long enough for the fast path
        call.audio(null);
        Thread.sleep(20);
      }
      for (byte[] got = receive(agent, 300); got != null; got = receive(agent, 300)) {
        heard.add(got);
      }
      heard.removeIf(packet -> packet == null);
      return new Heard(heard, List.copyOf(keys), beforeSecure);
    } finally {
      relay.close();
      thread.shutdown();
      thread.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** In-band keys in what the agent heard from the switch on (the first 29 packets precede it). */
  private static List<String> keysAfterTheSwitch(Heard heard) {
    List<String> found = new ArrayList<>();
    DtmfDetector detector = new DtmfDetector(digit -> found.add(String.valueOf(digit.symbol())));
    List<byte[]> packets = heard.packets();
    for (byte[] packet : packets.subList(29, packets.size())) {
      if ((packet[1] & 0x7F) == PCMA) {
        detector.process(G711.alawToLinear(Arrays.copyOfRange(packet, 12, packet.length)));
      }
    }
    detector.process(new short[1600]);
    return found;
  }

  private static byte[] rtp(int payloadType, int sequence, long timestamp, byte[] payload) {
    return CallerAudio.packet(payloadType, sequence & 0xFFFF, timestamp, payload).buffer().array();
  }

  private static void send(DatagramSocket from, byte[] bytes, int port) throws Exception {
    from.send(new DatagramPacket(bytes, bytes.length, LOOPBACK, port));
  }

  private static byte[] receive(DatagramSocket socket, int timeoutMs) throws Exception {
    socket.setSoTimeout(timeoutMs);
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    return Arrays.copyOf(packet.getData(), packet.getLength());
  }

  /** The caller's stream: 20 ms PCMA frames and RFC 4733 events on one timeline. */
  private static final class Caller {
    private final DatagramSocket socket;
    private final int port;
    private int sequence = 2000;
    private long timestamp = 320_000;
    private long eventStart = -1;

    Caller(DatagramSocket socket, int port) {
      this.socket = socket;
      this.port = port;
    }

    void audio(DtmfKey key) throws Exception {
      short[] samples =
          key == null ? CallerAudio.level(96, 160) : CallerAudio.tone(key, timestamp, 160);
      send(socket, rtp(PCMA, sequence++, timestamp, G711.linearToAlaw(samples)), port);
      timestamp += 160;
      Thread.sleep(2);
    }

    void event(String block, boolean last) throws Exception {
      if (eventStart < 0) {
        eventStart = timestamp;
      }
      send(socket, rtp(EVENTS, sequence++, eventStart, HexFormat.of().parseHex(block)), port);
      timestamp += 160;
      if (last) {
        eventStart = -1;
      }
      Thread.sleep(2);
    }
  }

  /**
   * @param fastPathPackets what the fast path had forwarded when secure mode took the call back
   */
  private record Heard(List<byte[]> packets, List<DtmfKey> keys, long fastPathPackets) {}

  private static final class KeyListener extends SilentMediaListener {
    private final List<DtmfKey> keys;

    KeyListener(List<DtmfKey> keys) {
      this.keys = keys;
    }

    @Override
    public void callerKey(DtmfKey key) {
      keys.add(key);
    }
  }
}
