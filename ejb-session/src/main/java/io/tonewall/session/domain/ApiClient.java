package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A client of the integrator API, authenticated by id and secret (OAuth2 client credentials). */
@Entity
@Table(name = "api_client")
public class ApiClient {

  /** Every scope the API knows. */
  public static final Set<String> ALL_SCOPES =
      Set.of("sessions:read", "sessions:write", "payments:refund", "webhooks:manage");

  @Id
  @Column(name = "client_id", nullable = false, updatable = false, length = 64)
  private String clientId;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(name = "scopes", nullable = false)
  private String scopes;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected ApiClient() {
    // for JPA
  }

  private ApiClient(String clientId, SecretHash secretHash, Set<String> scopes, Instant now) {
    this.clientId = clientId;
    this.secretHash = secretHash.encoded();
    this.scopes = String.join(" ", new TreeSet<>(scopes));
    this.createdAt = now;
  }

  /**
   * Registers a client. The secret is hashed here and never stored.
   *
   * @param clientId 3-64 characters of letters, digits, dot, underscore or hyphen
   * @param secret at least 16 characters
   * @throws IllegalArgumentException when the id, secret or scopes are not acceptable
   */
  public static ApiClient register(
      String clientId, char[] secret, Set<String> scopes, Instant now) {
    if (clientId == null || !clientId.matches("[A-Za-z0-9._-]{3,64}")) {
      throw new IllegalArgumentException(
          "API client id must be 3-64 letters, digits, '.', '_' or '-'");
    }
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("API client secret must be at least 16 characters");
    }
    if (scopes.isEmpty() || !ALL_SCOPES.containsAll(scopes)) {
      throw new IllegalArgumentException("API client scopes must be among " + ALL_SCOPES);
    }
    return new ApiClient(clientId, SecretHash.of(secret), scopes, Objects.requireNonNull(now));
  }

  /**
   * Replaces the secret (the old one stops working at once). The caller wipes the array.
   *
   * @throws IllegalArgumentException when it is shorter than 16 characters
   */
  public void rotateSecret(char[] secret) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("API client secret must be at least 16 characters");
    }
    this.secretHash = SecretHash.of(secret).encoded();
  }

  /** True when {@code secret} is this client's secret. */
  public boolean authenticates(char[] secret) {
    return SecretHash.parse(secretHash).matches(secret);
  }

  public String clientId() {
    return clientId;
  }

  public Set<String> scopes() {
    return Set.of(scopes.split(" "));
  }

  public Instant createdAt() {
    return createdAt;
  }
}
