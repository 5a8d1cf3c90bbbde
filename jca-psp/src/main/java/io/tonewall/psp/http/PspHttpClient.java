package io.tonewall.psp.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP client all real providers share: connect and read time-outs, and the classification of
 * every way an exchange can end into {@link HttpExchange}. Logs method, path, status and duration
 * at {@code FINE}; never headers or bodies.
 */
public final class PspHttpClient {
  private static final Logger LOG = Logger.getLogger(PspHttpClient.class.getName());

  private final HttpClient client;
  private final Duration readTimeout;
  private final Clock clock;

  /** A client with the JDK's default executor (outside an application server). */
  public PspHttpClient(Duration connectTimeout, Duration readTimeout, Clock clock) {
    this(connectTimeout, readTimeout, clock, Optional.empty());
  }

  /**
   * A client whose asynchronous tasks run on the given executor (the server's work manager); the
   * JDK client still keeps one selector thread of its own.
   */
  public PspHttpClient(
      Duration connectTimeout, Duration readTimeout, Clock clock, Optional<Executor> executor) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER);
    executor.ifPresent(builder::executor);
    this.client = builder.build();
    this.readTimeout = readTimeout;
    this.clock = clock;
  }

  /**
   * Sends one request and wipes the body afterwards.
   *
   * @param method {@code GET} or {@code POST}
   * @param uri the full URI
   * @param headers request headers (credentials, idempotency key, content type)
   * @param body the body, wiped when this returns; empty for GET
   */
  public HttpExchange send(String method, URI uri, Map<String, String> headers, SecretBody body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout);
    headers.forEach(request::header);
    if ("GET".equals(method)) {
      request.GET();
    } else {
      request.method(
          method, HttpRequest.BodyPublishers.ofByteArray(body.bytes(), 0, body.length()));
    }
    Instant started = clock.instant();
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      log(method, uri, String.valueOf(response.statusCode()), started);
      return new HttpExchange.Answered(response.statusCode(), response.body());
    } catch (HttpConnectTimeoutException | ConnectException e) {
      log(method, uri, "not sent: " + e.getClass().getSimpleName(), started);
      return new HttpExchange.NotSent("could not connect: " + e.getClass().getSimpleName());
    } catch (HttpTimeoutException e) {
      log(method, uri, "lost: read time-out", started);
      return new HttpExchange.Lost("no answer within " + readTimeout.toMillis() + " ms");
    } catch (IOException e) {
      if (unresolved(e)) {
        return new HttpExchange.NotSent("host not resolved");
      }
      log(method, uri, "lost: " + e.getClass().getSimpleName(), started);
      return new HttpExchange.Lost("connection lost: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HttpExchange.Lost("interrupted while waiting for the answer");
    } finally {
      body.wipe();
    }
  }

  private static boolean unresolved(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private void log(String method, URI uri, String result, Instant started) {
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          method
              + " "
              + uri.getPath()
              + " -> "
              + result
              + " in "
              + Duration.between(started, clock.instant()).toMillis()
              + " ms");
    }
  }
}
