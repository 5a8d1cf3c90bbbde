package io.tonewall.telephony.node;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scripted SIP party on a UDP socket of loopback, for tests that need exact messages. */
final class SipPeer implements AutoCloseable {

  /**
   * How long a receive waits: generous, since a loaded CI machine can take seconds for a first
   * INVITE.
   */
  private static final int RECEIVE_TIMEOUT_MILLIS = 15_000;

  private final DatagramSocket socket;

  SipPeer() throws IOException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
  }

  int port() {
    return socket.getLocalPort();
  }

  void send(String message, int port) throws IOException {
    byte[] bytes = message.getBytes(US_ASCII);
    socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
  }

  /** The next message, skipping those that start with {@code skipPrefix} (e.g. 100 Trying). */
  String receive(String skipPrefix) throws IOException {
    while (true) {
      String message = receive();
      if (!message.startsWith(skipPrefix)) {
        return message;
      }
    }
  }

  /** The next message {@code wanted} accepts within {@code millis}, skipping others. */
  String receive(java.util.function.Predicate<String> wanted, int millis) throws IOException {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new SocketTimeoutException("no wanted message within " + millis + " ms");
      }
      Optional<String> message = poll((int) left);
      if (message.isPresent() && wanted.test(message.get())) {
        return message.get();
      }
    }
  }

  String receive() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[8192], 8192);
    socket.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), US_ASCII);
  }

  /** The next message within {@code millis}, if any. */
  Optional<String> poll(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return Optional.of(receive());
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    } finally {
      socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
    }
  }

  static String header(String message, String name) {
    Matcher matcher =
        Pattern.compile("(?im)^" + Pattern.quote(name) + "\\s*:\\s*(.*?)\\r?$").matcher(message);
    return matcher.find() ? matcher.group(1) : "";
  }

  static String invite(String callId, int fromPort, int tonewallPort, String sdp) {
    return "INVITE sip:sales@127.0.0.1:"
        + tonewallPort
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + fromPort
        + ";branch=z9hG4bK-"
        + callId
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:caller@127.0.0.1:"
        + fromPort
        + ">;tag=caller-"
        + callId
        + "\r\n"
        + "To: <sip:sales@127.0.0.1>\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: 1 INVITE\r\n"
        + "Contact: <sip:caller@127.0.0.1:"
        + fromPort
        + ">\r\n"
        + "Content-Type: application/sdp\r\n"
        + "Content-Length: "
        + sdp.length()
        + "\r\n\r\n"
        + sdp;
  }

  static String request(
      String method, String callId, int fromPort, int tonewallPort, String branch, int cseq) {
    return method
        + " sip:sales@127.0.0.1:"
        + tonewallPort
        + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:"
        + fromPort
        + ";branch=z9hG4bK-"
        + branch
        + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:caller@127.0.0.1:"
        + fromPort
        + ">;tag=caller-"
        + callId
        + "\r\n"
        + "To: <sip:sales@127.0.0.1>\r\n"
        + "Call-ID: "
        + callId
        + "\r\n"
        + "CSeq: "
        + cseq
        + " "
        + method
        + "\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  /** A response to {@code request} (as received), with a To-tag and optional SDP. */
  static String response(String request, int status, String reason, String sdp, int contactPort) {
    StringBuilder out = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
    for (String name : new String[] {"Via", "From", "Call-ID", "CSeq"}) {
      out.append(name).append(": ").append(header(request, name)).append("\r\n");
    }
    out.append("To: ").append(header(request, "To")).append(";tag=agent\r\n");
    out.append("Contact: <sip:agent@127.0.0.1:").append(contactPort).append(">\r\n");
    if (!sdp.isEmpty()) {
      out.append("Content-Type: application/sdp\r\n");
    }
    out.append("Content-Length: ").append(sdp.length()).append("\r\n\r\n").append(sdp);
    return out.toString();
  }

  static String sdp(int mediaPort, String formats, String... attributes) {
    StringBuilder sdp =
        new StringBuilder(
            "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio "
                + mediaPort
                + " RTP/AVP "
                + formats
                + "\r\n");
    for (String attribute : attributes) {
      sdp.append("a=").append(attribute).append("\r\n");
    }
    return sdp.toString();
  }

  @Override
  public void close() {
    socket.close();
  }
}
