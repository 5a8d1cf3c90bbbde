package io.tonewall.session.webhook;

import io.tonewall.session.domain.CardNumberGuard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Where an API client wants its webhooks sent, and the secret they are signed with. The secret is
 * shown to the client once, when the subscription is created.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_URL_LENGTH = 2048;

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Column(name = "api_client_id", nullable = false, updatable = false, length = 64)
  private String apiClientId;

  @Column(name = "url", nullable = false, updatable = false, length = MAX_URL_LENGTH)
  private String url;

  @Column(name = "secret", nullable = false, updatable = false, length = 128)
  private String secret;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected WebhookSubscription() {
    // for JPA
  }

  private WebhookSubscription(String apiClientId, URI url, String secret, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.apiClientId = apiClientId;
    this.url = url.toString();
    this.secret = secret;
    this.createdAt = now;
  }

  /**
   * Subscribes {@code apiClientId} to webhooks sent to {@code url}, with a fresh secret.
   *
   * @throws InvalidWebhookUrlException when the URL is not an absolute http(s) URL with a host
   */
  public static WebhookSubscription create(String apiClientId, String url, Instant now) {
    Objects.requireNonNull(apiClientId, "apiClientId");
    Objects.requireNonNull(now, "now");
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    return new WebhookSubscription(apiClientId, parse(url), secret, now);
  }

  static URI parse(String url) {
    if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
      throw new InvalidWebhookUrlException(
          "url is required: an absolute http or https URL of at most 2048 characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new InvalidWebhookUrlException("url is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidWebhookUrlException("url must use http or https");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new InvalidWebhookUrlException(
          "url must name a host, and carry neither user information nor a fragment");
    }
    if (CardNumberGuard.containsCardNumber(url)) {
      throw new InvalidWebhookUrlException(
          "url looks like it holds a card number; card numbers are never stored");
    }
    return uri;
  }

  public String id() {
    return id;
  }

  public String apiClientId() {
    return apiClientId;
  }

  public URI url() {
    return URI.create(url);
  }

  /** The signing secret: only for signing, and for the one response that creates it. */
  public String secret() {
    return secret;
  }

  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public String toString() {
    return "WebhookSubscription[" + id + " -> " + url + "]";
  }
}
