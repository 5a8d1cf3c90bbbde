package io.tonewall.session.infrastructure.webhook;

import io.tonewall.session.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one webhook: {@code POST} of the JSON body with {@code Tonewall-Signature}, {@code
 * Tonewall-Event-Id} and {@code Tonewall-Delivery-Id}; 10 s to connect and to answer; redirects are
 * not followed.
 */
final class HttpWebhookSender {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** Sends {@code body} to {@code url}, signed with {@code secret} at {@code now}. */
  DeliveryAttempt send(
      URI url, String secret, String eventId, String deliveryId, String body, Instant now)
      throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "Tonewall-Webhooks/1")
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.header(secret, now.getEpochSecond(), body))
            .header("Tonewall-Event-Id", eventId)
            .header("Tonewall-Delivery-Id", deliveryId)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new DeliveryAttempt(status >= 200 && status < 300, "HTTP " + status);
    } catch (IOException e) {
      return new DeliveryAttempt(false, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
