package io.tonewall.telephony.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.resource.spi.ResourceAdapterInternalException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TelephonyResourceAdapterTest {

  @Test
  void listensWhileStarted_andFreesSipAndTheLiveCallsRtpPortsWhenStopped() throws Exception {
    // given: a call answered by the agent, so that its RTP and RTCP ports are bound
    try (LoopbackBootstrap bootstrap = new LoopbackBootstrap();
        DatagramSocket caller = udp();
        DatagramSocket agent = udp()) {
      int first = freeRtpRange();
      TelephonyResourceAdapter adapter =
          bootstrap.adapter(
              first + "-" + (first + 3), "sip:agent@127.0.0.1:" + agent.getLocalPort());
      TelephonyStatus running = adapter.status();
      int sipPort = running.sipPort();
      send(caller, invite(caller.getLocalPort(), sipPort), sipPort);
      String invite = receive(agent, "INVITE ");
      send(agent, answer(invite, agent.getLocalPort()), sipPort);
      String ok = receive(caller, "SIP/2.0 200");
      List<Integer> callPorts = new ArrayList<>();
      callPorts.add(mediaPort(invite));
      callPorts.add(mediaPort(invite) + 1);
      callPorts.add(mediaPort(ok));
      callPorts.add(mediaPort(ok) + 1);
      List<Integer> boundDuringCall = callPorts.stream().filter(port -> !udpFree(port)).toList();
      int callsDuringCall = adapter.metrics().calls();

      // when
      adapter.stop();

      // then
      assertThat(running.sipListening(), is(true));
      assertThat(running.transports(), is("udp,tcp"));
      assertThat(callsDuringCall, is(1));
      assertThat(callPorts, containsInAnyOrder(first, first + 1, first + 2, first + 3));
      assertThat("the live call's RTP ports are bound", boundDuringCall, is(callPorts));
      assertThat(adapter.status().sipListening(), is(false));
      for (int port : callPorts) {
        assertThat("RTP port " + port + " free again", udpFree(port), is(true));
      }
      assertThat("SIP UDP port free again", udpFree(sipPort), is(true));
      try (ServerSocket tcp = new ServerSocket()) {
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), sipPort));
        assertThat("SIP TCP port free again", tcp.isBound(), is(true));
      }
    }
  }

  /** The first of four ports from 21200 up that no other process holds right now. */
  private static int freeRtpRange() {
    int first = 21200;
    while (!IntStream.range(first, first + 4).allMatch(TelephonyResourceAdapterTest::udpFree)) {
      first += 4;
    }
    return first;
  }

  private static DatagramSocket udp() throws Exception {
    DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(5000);
    return socket;
  }

  private static boolean udpFree(int port) {
    try (DatagramSocket socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      return socket.isBound();
    } catch (SocketException taken) {
      return false;
    }
  }

  private static void send(DatagramSocket socket, String message, int port) throws Exception {
    byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  /** The next message starting with {@code prefix}, skipping others (100 Trying, 180). */
  private static String receive(DatagramSocket socket, String prefix) throws Exception {
    while (true) {
      DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
      socket.receive(packet);
      String message =
          new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
      if (message.startsWith(prefix)) {
        return message;
      }
    }
  }

  private static int mediaPort(String message) {
    Matcher port = Pattern.compile("m=audio (\\d+) ").matcher(message);
    assertThat(message, port.find(), is(true));
    return Integer.parseInt(port.group(1));
  }

  private static String sdp(int mediaPort) {
    return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + mediaPort
        + " RTP/AVP 0\r\n";
  }

  private static String invite(int callerPort, int sipPort) {
    String sdp = sdp(30000);
    return "INVITE sip:sales@127.0.0.1:"
        + sipPort
        + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:"
        + callerPort
        + ";branch=z9hG4bK-ra-stop\r\nMax-Forwards: 70\r\n"
        + "From: <sip:caller@127.0.0.1>;tag=ra-stop\r\nTo: <sip:sales@127.0.0.1>\r\n"
        + "Call-ID: ra-stop\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:"
        + callerPort
        + ">\r\nContent-Type: application/sdp\r\nContent-Length: "
        + sdp.length()
        + "\r\n\r\n"
        + sdp;
  }

  private static String answer(String invite, int agentPort) {
    String sdp = sdp(31000);
    StringBuilder out = new StringBuilder("SIP/2.0 200 OK\r\n");
    for (String name : List.of("Via", "From", "Call-ID", "CSeq")) {
      out.append(name).append(": ").append(header(invite, name)).append("\r\n");
    }
    return out.append("To: ")
        .append(header(invite, "To"))
        .append(";tag=agent\r\nContact: <sip:agent@127.0.0.1:")
        .append(agentPort)
        .append(">\r\nContent-Type: application/sdp\r\nContent-Length: ")
        .append(sdp.length())
        .append("\r\n\r\n")
        .append(sdp)
        .toString();
  }

  private static String header(String message, String name) {
    Matcher value =
        Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\r?$").matcher(message);
    return value.find() ? value.group(1) : "";
  }

  @Test
  void refusesToStart_withEveryInvalidSettingNamed() {
    // given
    try (LoopbackBootstrap bootstrap = new LoopbackBootstrap()) {
      TelephonyResourceAdapter adapter = new TelephonyResourceAdapter();
      adapter.setSipPort("five");
      adapter.setMediaTimeoutSeconds("0");
      adapter.setCallReferenceHeader("X Ref");
      adapter.setAdvertisedAddress("0.0.0.0");
      adapter.setAckTimeoutSeconds("64");

      // when
      ResourceAdapterInternalException error =
          assertThrows(ResourceAdapterInternalException.class, () -> adapter.start(bootstrap));

      // then
      assertThat(error.getMessage(), containsString("sipPort 'five' is not a whole number"));
      assertThat(error.getMessage(), containsString("mediaTimeoutSeconds 0 is outside 1-3600"));
      assertThat(
          error.getMessage(), containsString("callReferenceHeader 'X Ref' is not a SIP header"));
      assertThat(
          error.getMessage(),
          containsString("advertisedAddress '0.0.0.0' is a wildcard or multicast address"));
      assertThat(error.getMessage(), containsString("ackTimeoutSeconds 64 is outside 1-32"));
    }
  }
}
