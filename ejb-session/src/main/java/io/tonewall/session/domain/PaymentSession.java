package io.tonewall.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable record of one payment session: what is to be paid, how, and where it stands. It is
 * the shadow of the stateful bean that drives the session, so that the session survives a restart.
 */
@Entity
@Table(name = "payment_session")
public class PaymentSession {

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "mode", nullable = false, length = 16)
  private SessionMode mode;

  @Enumerated(EnumType.STRING)
  @Column(name = "transaction_type", nullable = false, length = 16)
  private TransactionType transactionType;

  @Embedded private Money amount;

  @Column(name = "merchant_reference", length = 64)
  private String merchantReference;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 32)
  private SessionStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "api_client_id", length = 64)
  private String apiClientId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PaymentSession() {
    // for JPA
  }

  private PaymentSession(
      UUID id,
      SessionMode mode,
      TransactionType transactionType,
      Money amount,
      String merchantReference,
      Instant now) {
    this.id = id.toString();
    this.mode = mode;
    this.transactionType = transactionType;
    this.amount = amount;
    this.merchantReference = merchantReference;
    this.status = SessionStatus.INITIAL;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Opens a new session in status {@code Initial}.
   *
   * @param merchantReference the integrator's own reference, up to 64 printable characters, or
   *     empty
   * @throws IllegalArgumentException when the combination is not possible
   */
  public static PaymentSession open(
      SessionMode mode,
      TransactionType transactionType,
      Money amount,
      Optional<String> merchantReference,
      Instant now) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(transactionType, "transactionType");
    Objects.requireNonNull(amount, "amount");
    if (transactionType == TransactionType.TOKENISE && amount.minorUnits() != 0) {
      throw new IllegalArgumentException("a TOKENISE session charges nothing: amount must be 0");
    }
    if (transactionType != TransactionType.TOKENISE && amount.minorUnits() == 0) {
      throw new IllegalArgumentException(
          "a " + transactionType + " session needs an amount above 0");
    }
    String reference = merchantReference.map(String::strip).orElse(null);
    CardNumberGuard.requireNoCardNumber("merchant reference", reference);
    if (reference != null && (reference.length() > 64 || !reference.matches("[\\x20-\\x7E]*"))) {
      throw new IllegalArgumentException(
          "merchant reference must be at most 64 printable ASCII characters");
    }
    return new PaymentSession(
        UUID.randomUUID(), mode, transactionType, amount, reference, Objects.requireNonNull(now));
  }

  /**
   * Cancels the session.
   *
   * @throws SessionAlreadyEndedException when the session has already ended
   */
  public void cancel(Instant now) {
    if (status.isFinal()) {
      throw new SessionAlreadyEndedException(id(), status);
    }
    status = SessionStatus.CANCELLED;
    updatedAt = now;
  }

  /**
   * Records the API client that opened the session; only that client sees it through the API.
   *
   * @throws IllegalStateException when the session already has an owner
   */
  public void assignOwner(String clientId) {
    Objects.requireNonNull(clientId, "clientId");
    if (apiClientId != null) {
      throw new IllegalStateException("payment session " + id + " already has an owner");
    }
    apiClientId = clientId;
  }

  /** The API client that opened the session, if it was opened through the API. */
  public Optional<String> apiClientId() {
    return Optional.ofNullable(apiClientId);
  }

  /** True when {@code clientId} opened this session. */
  public boolean isOwnedBy(String clientId) {
    return apiClientId != null && apiClientId.equals(clientId);
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public SessionMode mode() {
    return mode;
  }

  public TransactionType transactionType() {
    return transactionType;
  }

  public Money amount() {
    return amount;
  }

  public Optional<String> merchantReference() {
    return Optional.ofNullable(merchantReference);
  }

  public SessionStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
