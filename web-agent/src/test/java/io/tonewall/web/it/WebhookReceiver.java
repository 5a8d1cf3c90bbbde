package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A local HTTP server in the test JVM that records every webhook it receives and answers 204. */
final class WebhookReceiver implements AutoCloseable {

  /** One webhook as received: its signature header and exact body. */
  record Received(String signature, String eventId, String body) {}

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hooks",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("Tonewall-Signature"),
                    exchange.getRequestHeaders().getFirst("Tonewall-Event-Id"),
                    new String(in.readAllBytes(), UTF_8)));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  /** The next webhook received, waiting up to {@code seconds}. */
  Received next(int seconds) throws InterruptedException {
    Received next = received.poll(seconds, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("no webhook received within " + seconds + " s");
    }
    return next;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
