package io.tonewall.psp.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One PSP configuration: which provider, where, with which credentials, and how captures are done.
 * Built from string settings by {@link #of(String, Map)}, which rejects missing or malformed
 * values. {@link #toString()} never shows the API key.
 *
 * <p>Settings: {@code provider} (sandbox, stripe, adyen), {@code baseUrl} (required for stripe and
 * adyen), {@code apiKey} (required for stripe and adyen), {@code merchantAccount} (required for
 * adyen), {@code captureOnCommit} (default {@code true}), {@code latencyMillis} (sandbox, default
 * 0); Adyen only: {@code notificationHmacKey} (the hex HMAC key of the Customer Area's standard
 * webhook; without it the configuration receives no notifications), {@code notificationUsername}
 * and {@code notificationPassword} (HTTP Basic credentials the webhook sends; both or neither).
 */
public final class PspConfiguration {
  /** Id of the built-in sandbox configuration, always present. */
  public static final String SANDBOX_ID = "sandbox";

  private final String id;
  private final ProviderKind provider;
  private final Optional<URI> baseUrl;
  private final Optional<String> apiKey;
  private final Optional<String> merchantAccount;
  private final boolean captureOnCommit;
  private final Duration latency;
  private final Optional<String> notificationHmacKey;
  private final Optional<String> notificationUsername;
  private final Optional<String> notificationPassword;

  private PspConfiguration(
      String id,
      ProviderKind provider,
      Optional<URI> baseUrl,
      Optional<String> apiKey,
      Optional<String> merchantAccount,
      boolean captureOnCommit,
      Duration latency,
      Optional<String> notificationHmacKey,
      Optional<String> notificationUsername,
      Optional<String> notificationPassword) {
    this.id = id;
    this.provider = provider;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.merchantAccount = merchantAccount;
    this.captureOnCommit = captureOnCommit;
    this.latency = latency;
    this.notificationHmacKey = notificationHmacKey;
    this.notificationUsername = notificationUsername;
    this.notificationPassword = notificationPassword;
  }

  /** The built-in sandbox configuration with the given latency. */
  public static PspConfiguration sandbox(Duration latency) {
    return new PspConfiguration(
        SANDBOX_ID,
        ProviderKind.SANDBOX,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        true,
        latency,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * Validates settings into a configuration.
   *
   * @throws InvalidPspConfigurationException naming the first bad or missing setting
   */
  public static PspConfiguration of(String id, Map<String, String> settings) {
    if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new InvalidPspConfigurationException(
          String.valueOf(id), "id must be 1 to 64 letters, digits, '-', '_' or '.'");
    }
    String providerName = settings.get("provider");
    if (providerName == null || providerName.isBlank()) {
      throw new InvalidPspConfigurationException(id, "'provider' is missing");
    }
    ProviderKind provider = ProviderKind.named(id, providerName);
    Optional<URI> baseUrl = Optional.ofNullable(settings.get("baseUrl")).map(u -> url(id, u));
    Optional<String> apiKey = nonBlank(settings.get("apiKey"));
    Optional<String> merchantAccount = nonBlank(settings.get("merchantAccount"));
    if (provider != ProviderKind.SANDBOX) {
      if (baseUrl.isEmpty()) {
        throw new InvalidPspConfigurationException(id, "'baseUrl' is missing");
      }
      if (apiKey.isEmpty()) {
        throw new InvalidPspConfigurationException(id, "'apiKey' is missing");
      }
    }
    if (provider == ProviderKind.ADYEN && merchantAccount.isEmpty()) {
      throw new InvalidPspConfigurationException(id, "'merchantAccount' is missing");
    }
    boolean captureOnCommit =
        bool(id, "captureOnCommit", settings.getOrDefault("captureOnCommit", "true"));
    Duration latency =
        Duration.ofMillis(whole(id, "latencyMillis", settings.getOrDefault("latencyMillis", "0")));
    Optional<String> hmacKey = nonBlank(settings.get("notificationHmacKey"));
    Optional<String> username = nonBlank(settings.get("notificationUsername"));
    Optional<String> password = nonBlank(settings.get("notificationPassword"));
    if (provider != ProviderKind.ADYEN
        && (hmacKey.isPresent() || username.isPresent() || password.isPresent())) {
      throw new InvalidPspConfigurationException(
          id, "'notification*' settings are for adyen configurations only");
    }
    if (hmacKey.isPresent() && !hmacKey.get().matches("(?:[0-9A-Fa-f]{2}){16,}")) {
      throw new InvalidPspConfigurationException(
          id, "'notificationHmacKey' must be an even number (at least 32) of hex digits");
    }
    if (username.isPresent() != password.isPresent()) {
      throw new InvalidPspConfigurationException(
          id, "'notificationUsername' and 'notificationPassword' go together");
    }
    if (username.isPresent() && hmacKey.isEmpty()) {
      throw new InvalidPspConfigurationException(
          id, "'notificationUsername' needs 'notificationHmacKey' (notifications are signed)");
    }
    return new PspConfiguration(
        id,
        provider,
        baseUrl,
        apiKey,
        merchantAccount,
        captureOnCommit,
        latency,
        hmacKey,
        username,
        password);
  }

  public String id() {
    return id;
  }

  public ProviderKind provider() {
    return provider;
  }

  /** The provider's base URL, e.g. {@code https://api.stripe.com}; empty for the sandbox. */
  public Optional<URI> baseUrl() {
    return baseUrl;
  }

  /** The secret API key; never log it. */
  public Optional<String> apiKey() {
    return apiKey;
  }

  public Optional<String> merchantAccount() {
    return merchantAccount;
  }

  /** Whether a sale inside a transaction is authorised at once and captured after commit. */
  public boolean captureOnCommit() {
    return captureOnCommit;
  }

  /**
   * The hex HMAC key of Adyen's standard notifications; empty: the configuration receives none.
   * Never log it.
   */
  public Optional<String> notificationHmacKey() {
    return notificationHmacKey;
  }

  /** The HTTP Basic user name notifications must carry; empty: none asked. */
  public Optional<String> notificationUsername() {
    return notificationUsername;
  }

  /** The HTTP Basic password notifications must carry; never log it. */
  public Optional<String> notificationPassword() {
    return notificationPassword;
  }

  /** Simulated latency of the sandbox. */
  public Duration latency() {
    return latency;
  }

  @Override
  public String toString() {
    return "PspConfiguration["
        + id
        + ", "
        + provider
        + baseUrl.map(u -> ", " + u).orElse("")
        + merchantAccount.map(m -> ", merchantAccount=" + m).orElse("")
        + apiKey.map(k -> ", apiKey=****").orElse("")
        + notificationHmacKey.map(k -> ", notificationHmacKey=****").orElse("")
        + notificationUsername.map(u -> ", notificationUsername=" + u + ":****").orElse("")
        + ", captureOnCommit="
        + captureOnCommit
        + "]";
  }

  private static URI url(String id, String value) {
    try {
      URI uri = new URI(value.trim());
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new InvalidPspConfigurationException(
            id, "'baseUrl' must be an absolute http(s) URL with a host");
      }
      String text = uri.toString();
      return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (URISyntaxException e) {
      throw new InvalidPspConfigurationException(
          "PSP configuration '" + id + "': 'baseUrl' is not a valid URL", e);
    }
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static boolean bool(String id, String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidPspConfigurationException(id, "'" + name + "' must be true or false");
    }
    return Boolean.parseBoolean(value);
  }

  private static long whole(String id, String name, String value) {
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed < 0) {
        throw new InvalidPspConfigurationException(id, "'" + name + "' must not be negative");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new InvalidPspConfigurationException(
          "PSP configuration '" + id + "': '" + name + "' must be a whole number", e);
    }
  }
}
