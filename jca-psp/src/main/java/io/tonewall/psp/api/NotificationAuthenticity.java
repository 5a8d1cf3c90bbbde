package io.tonewall.psp.api;

/** What the adapter found when it checked a provider notification item. */
public enum NotificationAuthenticity {
  /** Signed with the configuration's key and about its merchant account: it may be acted on. */
  AUTHENTIC,
  /** Missing, malformed or wrong signature: ignore the item. */
  SIGNATURE_INVALID,
  /** Correctly signed, but about another merchant account than the configuration's: ignore it. */
  OTHER_MERCHANT_ACCOUNT
}
