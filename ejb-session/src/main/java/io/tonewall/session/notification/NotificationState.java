package io.tonewall.session.notification;

/** Where a stored PSP notification item stands. */
public enum NotificationState {
  /** Stored and acknowledged, not applied yet (applied at once, or retried by a timer). */
  RECEIVED,
  /** Applied: it changed a transaction or was audited on a session. */
  APPLIED,
  /** Nothing to do: an event Tonewall does not act on, no matching transaction, already settled. */
  NO_EFFECT
}
