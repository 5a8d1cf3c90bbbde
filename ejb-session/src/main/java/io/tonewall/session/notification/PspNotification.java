package io.tonewall.session.notification;

import io.tonewall.session.domain.CardNumberGuard;
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
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One authentic notification item from a PSP, stored before it is acknowledged and then applied
 * once. The same item sent again has the same {@link #dedupeKey} (configuration, event code, PSP
 * reference, success), which the database keeps unique.
 *
 * <p>Stored: the configuration, event, success, the PSP's references, Tonewall's merchant reference
 * when it is one Tonewall could have sent (letters, digits, {@code . _ : -}, at most 80, and no
 * card number in it — anything else is withheld), amount, the reason with every digit masked. Never
 * the signature nor {@code additionalData} (card summaries, BINs, expiry dates).
 */
@Entity
@Table(name = "psp_notification")
public class PspNotification {

  static final int MAX_REASON = 200;

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Column(name = "psp_configuration", nullable = false, updatable = false, length = 64)
  private String pspConfiguration;

  @Column(name = "dedupe_key", nullable = false, updatable = false, length = 200)
  private String dedupeKey;

  @Column(name = "live", updatable = false)
  private Boolean live;

  @Column(name = "event_code", nullable = false, updatable = false, length = 64)
  private String eventCode;

  @Column(name = "success", nullable = false, updatable = false)
  private boolean success;

  @Column(name = "psp_reference", nullable = false, updatable = false, length = 64)
  private String pspReference;

  @Column(name = "original_reference", updatable = false, length = 64)
  private String originalReference;

  @Column(name = "merchant_reference", updatable = false, length = 80)
  private String merchantReference;

  @Column(name = "amount_minor", updatable = false)
  private Long amountMinor;

  @Column(name = "currency", updatable = false, length = 3)
  private String currency;

  @Column(name = "reason", updatable = false, length = MAX_REASON)
  private String reason;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private NotificationState state;

  @Column(name = "effect", length = 255)
  private String effect;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(name = "processed_at")
  private Instant processedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PspNotification() {
    // for JPA
  }

  /** The record of an authentic item received now, not applied yet. */
  public static PspNotification received(
      String configuration, NotificationItem item, Optional<Boolean> live, Instant now) {
    PspNotification notification = new PspNotification();
    notification.id = UUID.randomUUID().toString();
    notification.pspConfiguration = Objects.requireNonNull(configuration, "configuration");
    notification.dedupeKey = dedupeKey(configuration, item);
    notification.live = live.orElse(null);
    notification.eventCode = item.eventCode();
    notification.success = item.succeeded();
    notification.pspReference = item.pspReference();
    notification.originalReference =
        item.originalReference().isEmpty() ? null : item.originalReference();
    notification.merchantReference = ownReference(item.merchantReference()).orElse(null);
    notification.amountMinor = minorUnits(item.value()).orElse(null);
    notification.currency = item.currency().matches("[A-Z]{3}") ? item.currency() : null;
    notification.reason = item.reason().map(PspNotification::masked).orElse(null);
    notification.state = NotificationState.RECEIVED;
    notification.receivedAt = now;
    return notification;
  }

  /**
   * The key that makes a resent item the same item: configuration, event code, PSP reference and
   * success (Adyen may send a {@code false} event and later a {@code true} one for the same
   * reference; those are two items).
   */
  public static String dedupeKey(String configuration, NotificationItem item) {
    return configuration
        + ":"
        + item.eventCode()
        + ":"
        + item.pspReference()
        + ":"
        + item.success();
  }

  /** A merchant reference Tonewall could have sent, or empty when it must not be stored. */
  static Optional<String> ownReference(String reference) {
    if (!reference.matches("[A-Za-z0-9._:-]{1,80}")
        || CardNumberGuard.containsCardNumber(reference)) {
      return Optional.empty();
    }
    return Optional.of(reference);
  }

  /** The PSP's free text with every digit masked, control characters dropped, at most 200. */
  static String masked(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON));
    for (int i = 0; i < text.length() && out.length() < MAX_REASON; i++) {
      char c = text.charAt(i);
      if (Character.isDigit(c)) {
        out.append('*');
      } else if (!Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Optional<Long> minorUnits(String value) {
    if (!value.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(value));
  }

  /** Records what applying this item did. */
  public void processed(NotificationEffect result, Instant now) {
    if (state != NotificationState.RECEIVED) {
      throw new IllegalStateException("notification " + id + " is " + state + " already");
    }
    state = result.applied() ? NotificationState.APPLIED : NotificationState.NO_EFFECT;
    String description = result.description();
    effect = description.length() > 255 ? description.substring(0, 255) : description;
    processedAt = now;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String pspConfiguration() {
    return pspConfiguration;
  }

  public String dedupeKey() {
    return dedupeKey;
  }

  public Optional<Boolean> live() {
    return Optional.ofNullable(live);
  }

  public String eventCode() {
    return eventCode;
  }

  public boolean success() {
    return success;
  }

  public String pspReference() {
    return pspReference;
  }

  public Optional<String> originalReference() {
    return Optional.ofNullable(originalReference);
  }

  public Optional<String> merchantReference() {
    return Optional.ofNullable(merchantReference);
  }

  public OptionalLong amountMinor() {
    return amountMinor == null ? OptionalLong.empty() : OptionalLong.of(amountMinor);
  }

  public Optional<String> currency() {
    return Optional.ofNullable(currency);
  }

  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  public NotificationState state() {
    return state;
  }

  public Optional<String> effect() {
    return Optional.ofNullable(effect);
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public Optional<Instant> processedAt() {
    return Optional.ofNullable(processedAt);
  }

  /** The action its event asks for. */
  public NotificationAction action() {
    return NotificationAction.of(eventCode, success);
  }
}
