package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A local HTTP server in the test JVM that records every webhook it receives and answers 204, or
 * whatever status its script gives for each request (to make Tonewall retry).
 */
final class WebhookReceiver implements AutoCloseable {

  /** One webhook as received: its signature header, exact body, when, and the status answered. */
  record Received(String signature, String eventId, String body, Instant at, int answered) {}

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  WebhookReceiver() throws IOException {
    this(() -> 204);
  }

  /** Answers each request with the status {@code script} gives at that moment. */
  WebhookReceiver(IntSupplier script) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hooks",
        exchange -> {
          int status = script.getAsInt();
          try (InputStream in = exchange.getRequestBody()) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("Tonewall-Signature"),
                    exchange.getRequestHeaders().getFirst("Tonewall-Event-Id"),
                    new String(in.readAllBytes(), UTF_8),
                    Instant.now(),
                    status));
          }
          exchange.sendResponseHeaders(status, -1);
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

  /** The next webhook received about {@code sessionId}, skipping others, within {@code seconds}. */
  Received nextAbout(String sessionId, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      long left = deadline - System.nanoTime();
      Received next = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        throw new AssertionError(
            "no webhook about session " + sessionId + " received within " + seconds + " s");
      }
      if (sessionId.equals(ApiHttp.json(next.body()).getString("sessionId", ""))) {
        return next;
      }
    }
  }

  /** Whether another webhook about {@code sessionId} arrives within {@code seconds}. */
  boolean quietAbout(String sessionId, int seconds) throws InterruptedException {
    try {
      nextAbout(sessionId, seconds);
      return false;
    } catch (AssertionError e) {
      return true;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
