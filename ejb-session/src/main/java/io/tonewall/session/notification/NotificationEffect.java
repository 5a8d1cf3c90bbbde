package io.tonewall.session.notification;

import java.util.Objects;

/**
 * What applying a notification item did: whether it changed (or audited) something, and a short
 * description of ids and outcomes for its stored record.
 */
public record NotificationEffect(boolean applied, String description) {

  public NotificationEffect {
    Objects.requireNonNull(description, "description");
  }

  public static NotificationEffect applied(String description) {
    return new NotificationEffect(true, description);
  }

  public static NotificationEffect none(String description) {
    return new NotificationEffect(false, description);
  }
}
