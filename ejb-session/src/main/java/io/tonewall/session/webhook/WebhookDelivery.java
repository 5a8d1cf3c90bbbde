package io.tonewall.session.webhook;

import jakarta.persistence.Column;
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
 * One event to one subscription: a row of the transactional outbox. Written in the transaction that
 * changed the session; then {@link DeliveryState#PENDING} until the receiver answers 2xx ({@link
 * DeliveryState#DELIVERED}) or the attempts run out ({@link DeliveryState#DEAD}). A replay makes
 * any delivery pending again with a fresh set of attempts.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

  private static final int MAX_OUTCOME_LENGTH = 255;

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Column(name = "subscription_id", nullable = false, updatable = false, length = 36)
  private String subscriptionId;

  @Column(name = "event_id", nullable = false, updatable = false, length = 36)
  private String eventId;

  @Column(name = "event_type", nullable = false, updatable = false, length = 64)
  private String eventType;

  @Column(name = "payload", nullable = false, updatable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private DeliveryState state;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_outcome", length = MAX_OUTCOME_LENGTH)
  private String lastOutcome;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected WebhookDelivery() {
    // for JPA
  }

  private WebhookDelivery(
      String subscriptionId, String eventId, String eventType, String payload, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.subscriptionId = subscriptionId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.payload = payload;
    this.state = DeliveryState.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A delivery due at once. */
  public static WebhookDelivery pending(String subscriptionId, WebhookEvent event, Instant now) {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    return new WebhookDelivery(
        subscriptionId, event.id(), event.type(), event.json(), Objects.requireNonNull(now));
  }

  /**
   * The receiver answered 2xx.
   *
   * @throws DeliveryNotPendingException when the delivery was not pending
   */
  public void succeeded(Instant now, String outcome) {
    requirePending();
    attempts++;
    state = DeliveryState.DELIVERED;
    nextAttemptAt = null;
    lastOutcome = shorten(outcome);
    updatedAt = now;
  }

  /**
   * The attempt failed: pending again at the schedule's next time, or dead when none is left.
   *
   * @throws DeliveryNotPendingException when the delivery was not pending
   */
  public void failed(Instant now, String outcome, RetrySchedule schedule) {
    requirePending();
    attempts++;
    Optional<Instant> next = schedule.nextAttempt(attempts, now);
    state = next.isPresent() ? DeliveryState.PENDING : DeliveryState.DEAD;
    nextAttemptAt = next.orElse(null);
    lastOutcome = shorten(outcome);
    updatedAt = now;
  }

  /** Sends the delivery again, at once, with a fresh set of attempts; whatever its state. */
  public void replay(Instant now) {
    state = DeliveryState.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    updatedAt = now;
  }

  private void requirePending() {
    if (state != DeliveryState.PENDING) {
      throw new DeliveryNotPendingException(id, state);
    }
  }

  private static String shorten(String outcome) {
    String text = outcome == null ? "" : outcome;
    return text.length() <= MAX_OUTCOME_LENGTH ? text : text.substring(0, MAX_OUTCOME_LENGTH);
  }

  public String id() {
    return id;
  }

  public String subscriptionId() {
    return subscriptionId;
  }

  public String eventId() {
    return eventId;
  }

  public String eventType() {
    return eventType;
  }

  /** The JSON body sent, exactly. */
  public String payload() {
    return payload;
  }

  public DeliveryState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public Optional<Instant> nextAttemptAt() {
    return Optional.ofNullable(nextAttemptAt);
  }

  public Optional<String> lastOutcome() {
    return Optional.ofNullable(lastOutcome);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
