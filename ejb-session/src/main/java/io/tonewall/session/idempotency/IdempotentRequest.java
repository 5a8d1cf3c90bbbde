package io.tonewall.session.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One {@code Idempotency-Key} of one API client: the fingerprint of the request that first used it
 * and, once answered, the response. Without a response it is still being answered.
 */
@Entity
@Table(name = "idempotent_request")
public class IdempotentRequest {

  /** How long a key is remembered. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Column(name = "api_client_id", nullable = false, updatable = false, length = 64)
  private String apiClientId;

  @Column(name = "idempotency_key", nullable = false, updatable = false, length = 255)
  private String key;

  @Column(name = "request_hash", nullable = false, updatable = false, length = 64)
  private String requestHash;

  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_type", length = 128)
  private String responseType;

  @Column(name = "response_location", length = 2048)
  private String responseLocation;

  @Column(name = "response_body")
  private String responseBody;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected IdempotentRequest() {
    // for JPA
  }

  private IdempotentRequest(
      String apiClientId, String key, RequestFingerprint fingerprint, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.apiClientId = apiClientId;
    this.key = key;
    this.requestHash = fingerprint.hex();
    this.createdAt = now;
  }

  /** A key being answered now. */
  public static IdempotentRequest begin(
      String apiClientId, String key, RequestFingerprint fingerprint, Instant now) {
    return new IdempotentRequest(
        Objects.requireNonNull(apiClientId, "apiClientId"),
        IdempotencyKey.check(key),
        Objects.requireNonNull(fingerprint, "fingerprint"),
        Objects.requireNonNull(now, "now"));
  }

  /** What a new request with the same key gets. */
  public IdempotencyDecision decide(RequestFingerprint fingerprint) {
    if (!requestHash.equals(fingerprint.hex())) {
      return new IdempotencyDecision.Mismatch();
    }
    return response()
        .<IdempotencyDecision>map(IdempotencyDecision.Replay::new)
        .orElseGet(IdempotencyDecision.InProgress::new);
  }

  /** Stores the answer; from now on the key replays it. */
  public void complete(StoredResponse response) {
    if (responseStatus != null) {
      throw new IllegalStateException("this idempotency key is already answered");
    }
    responseStatus = response.status();
    responseType = response.contentType().orElse(null);
    responseLocation = response.location().orElse(null);
    responseBody = response.body().orElse(null);
  }

  /** True once the key is older than {@link #LIFETIME}. */
  public boolean hasExpired(Instant now) {
    return !createdAt.plus(LIFETIME).isAfter(now);
  }

  public Optional<StoredResponse> response() {
    return Optional.ofNullable(responseStatus)
        .map(
            status ->
                new StoredResponse(
                    status,
                    Optional.ofNullable(responseType),
                    Optional.ofNullable(responseLocation),
                    Optional.ofNullable(responseBody)));
  }

  public String id() {
    return id;
  }

  public String apiClientId() {
    return apiClientId;
  }

  public String key() {
    return key;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
