package io.tonewall.session.webhook;

/** Where a webhook delivery stands. */
public enum DeliveryState {
  /** Waiting for its next attempt. */
  PENDING,
  /** The receiver answered 2xx. */
  DELIVERED,
  /** Every attempt failed; only a replay sends it again. */
  DEAD
}
