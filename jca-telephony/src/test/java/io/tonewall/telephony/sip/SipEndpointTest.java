package io.tonewall.telephony.sip;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.sip.SipFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SipEndpointTest {

  private SipEndpoint endpoint;
  private int port;

  @BeforeEach
  void open() throws Exception {
    port = freePort();
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    endpoint =
        SipEndpoint.open(
            "127.0.0.1",
            port,
            new SipRequestHandler(factory.createMessageFactory(), factory.createHeaderFactory()));
  }

  @AfterEach
  void close() {
    endpoint.close();
  }

  @Test
  void answersOptionsWith200_overUdp() throws Exception {
    // given
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5000);
      byte[] request = options("udp", socket.getLocalPort()).getBytes(US_ASCII);

      // when
      socket.send(
          new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
      DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
      socket.receive(answer);

      // then
      String response = new String(answer.getData(), 0, answer.getLength(), US_ASCII);
      assertThat(response, startsWith("SIP/2.0 200 OK"));
      assertThat(response, containsString("Allow: INVITE,ACK,BYE,CANCEL,OPTIONS"));
      assertThat(response, containsString("Call-ID: options-test-udp"));
    }
  }

  @Test
  void answersOptionsWith200_overTcp() throws Exception {
    // given
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();

      // when
      out.write(options("tcp", socket.getLocalPort()).getBytes(US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

      // then
      assertThat(in.readLine(), is("SIP/2.0 200 OK"));
    }
  }

  @Test
  void reportsListening_whileOpen() {
    assertThat(endpoint.listening(), is(true));
    assertThat(endpoint.port(), is(port));
    assertThat(endpoint.transports(), is("udp,tcp"));
  }

  @Test
  void failsWithClearMessage_whenPortIsTaken() throws Exception {
    // given
    SipFactory factory = SipFactory.getInstance();
    SipRequestHandler handler =
        new SipRequestHandler(factory.createMessageFactory(), factory.createHeaderFactory());

    // when
    SipEndpointException error =
        assertThrows(
            SipEndpointException.class, () -> SipEndpoint.open("127.0.0.1", port, handler));

    // then
    assertThat(error.getMessage(), startsWith("SIP cannot listen on 127.0.0.1:" + port));
  }

  private static String options(String transport, int localPort) {
    return "OPTIONS sip:tonewall@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/"
        + transport.toUpperCase(java.util.Locale.ROOT)
        + " 127.0.0.1:"
        + localPort
        + ";branch=z9hG4bK-"
        + transport
        + "-1\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
        + "To: <sip:tonewall@127.0.0.1>\r\n"
        + "Call-ID: options-test-"
        + transport
        + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
