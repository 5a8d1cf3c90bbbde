package io.tonewall.web.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server answering as Adyen's Checkout API v71 does for what the ITs need: {@code POST
 * /v71/payments} → {@code resultCode Authorised} with a new {@code pspReference}; {@code POST
 * /v71/payments/{ref}/captures|refunds|cancels} → 201 {@code status received}. Records each request
 * (path, Idempotency-Key, body) for the tests to look at.
 */
final class AdyenCheckoutStub implements AutoCloseable {

  /** The port of the {@code test-adyen} configuration (src/test/resources/it/psp.properties). */
  static final int PORT = 18091;

  /** One request as received. */
  record Request(String path, String idempotencyKey, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger references = new AtomicInteger();

  AdyenCheckoutStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 0);
    server.createContext("/v71/", this::answer);
    server.start();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), UTF_8);
    }
    String path = exchange.getRequestURI().getPath();
    requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
    String reference = String.format("ITADYEN%09d", references.incrementAndGet());
    int status;
    String answer;
    if (path.equals("/v71/payments")) {
      status = 200;
      answer = "{\"pspReference\":\"" + reference + "\",\"resultCode\":\"Authorised\"}";
    } else if (path.matches("/v71/payments/[^/]+/(captures|refunds|cancels)")) {
      status = 201;
      answer = "{\"pspReference\":\"" + reference + "\",\"status\":\"received\"}";
    } else {
      status = 404;
      answer = "{\"status\":404,\"errorCode\":\"000\",\"message\":\"not here\"}";
    }
    byte[] bytes = answer.getBytes(UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The requests received so far whose path ends with {@code suffix}. */
  List<Request> received(String suffix) {
    return requests.stream().filter(r -> r.path().endsWith(suffix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
