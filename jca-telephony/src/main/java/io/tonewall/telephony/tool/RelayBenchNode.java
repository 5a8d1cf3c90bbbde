package io.tonewall.telephony.tool;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.node.TelephonyNode;
import io.tonewall.telephony.node.TelephonyStartException;
import io.tonewall.telephony.relay.RelayFastPath;
import io.tonewall.telephony.spi.InvalidTelephonySettingsException;
import io.tonewall.telephony.spi.TelephonySettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark tool, not part of the adapter: {@code RelayBenchNode SIP_PORT RTP_PORTS CONTROL_PORT
 * [LOOKAHEAD_MS [RELAY_THREADS]]} starts a real {@link TelephonyNode} on 127.0.0.1 (the same B2BUA,
 * RTP relay and masker as in production, the request URI passed through to the agent) and a control
 * socket on 127.0.0.1:CONTROL_PORT speaking {@link RelayBenchControl}'s line protocol, so that the
 * RTP load benchmark ({@code bin/tonewall bench-rtp}) can secure and release calls it set up over
 * SIP. Runs until {@code stop} arrives or the process is killed. Prints {@code ready} once both
 * listen.
 *
 * <p>Loopback only: both SIP/RTP and the control socket bind 127.0.0.1. The control socket has no
 * authentication, which is why this is a separate main and never part of the resource adapter.
 */
public final class RelayBenchNode {

  private RelayBenchNode() {}

  /** Entry point; exit status 2 on usage errors, 1 when the node cannot start. */
  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 3 || args.length > 5) {
      System.err.println(
          "usage: RelayBenchNode SIP_PORT RTP_PORTS(min-max) CONTROL_PORT [LOOKAHEAD_MS"
              + " [RELAY_THREADS]]");
      System.exit(2);
    }
    TelephonySettings settings;
    int controlPort;
    try {
      settings =
          TelephonySettings.raw()
              .bindAddress("127.0.0.1")
              .sipPort(args[0])
              .rtpPorts(args[1])
              .pairingCodeLength("6")
              .maskingLookaheadMs(args.length > 3 ? args[3] : "40")
              .mediaTimeoutSeconds("3600")
              .rtpRelayThreads(args.length > 4 ? args[4] : null)
              .rtpFastPath(System.getenv("TONEWALL_RTP_FAST_PATH"))
              .parse();
      controlPort = Integer.parseInt(args[2]);
    } catch (InvalidTelephonySettingsException | NumberFormatException e) {
      System.err.println("RelayBenchNode: " + e.getMessage());
      System.exit(2);
      return;
    }
    AtomicLong events = new AtomicLong();
    TelephonyNode node;
    try {
      node =
          TelephonyNode.start(
              settings,
              Clock.systemUTC(),
              task -> {
                Thread t = new Thread(task, "rtp-relay");
                t.setDaemon(true);
                t.start();
              },
              (TelephonyEvent e) -> events.incrementAndGet());
    } catch (TelephonyStartException e) {
      System.err.println("RelayBenchNode: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println("relay threads: " + settings.rtpRelayThreads());
    System.out.println(
        "rtp fast path: "
            + settings.rtpFastPath()
            + RelayFastPath.nativeUnavailableBecause()
                .map(reason -> " (" + reason + ")")
                .orElse(""));
    CountDownLatch stopped = new CountDownLatch(1);
    RelayBenchControl control =
        new RelayBenchControl(node.calls(), node::metrics, stopped::countDown);
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), controlPort));
      Thread acceptor = new Thread(() -> serve(server, control), "bench-control");
      acceptor.setDaemon(true);
      acceptor.start();
      System.out.println("ready");
      System.out.flush();
      stopped.await();
    } finally {
      node.close();
    }
    System.out.println("stopped (" + events.get() + " call events)");
    System.exit(0);
  }

  private static void serve(ServerSocket server, RelayBenchControl control) {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("RelayBenchNode: control socket: " + e.getMessage());
        }
        return;
      }
      Thread t = new Thread(() -> converse(socket, control), "bench-control-connection");
      t.setDaemon(true);
      t.start();
    }
  }

  private static void converse(Socket socket, RelayBenchControl control) {
    try (socket;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new PrintWriter(socket.getOutputStream(), false, StandardCharsets.US_ASCII)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.write(control.handle(line) + "\n");
        out.flush();
      }
    } catch (IOException e) {
      System.err.println("RelayBenchNode: control connection: " + e.getMessage());
    }
  }
}
