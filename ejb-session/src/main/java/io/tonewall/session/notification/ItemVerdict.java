package io.tonewall.session.notification;

/** What the PSP adapter found when it checked a notification item's signature and account. */
public enum ItemVerdict {
  /** Signed with the configuration's key and about its merchant account. */
  AUTHENTIC,
  /** Missing, malformed or wrong signature: never stored, never acted on. */
  SIGNATURE_INVALID,
  /** Correctly signed but about another merchant account: never stored, never acted on. */
  OTHER_MERCHANT_ACCOUNT
}
