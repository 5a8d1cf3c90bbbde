package io.tonewall.session.notification;

import java.util.List;
import java.util.UUID;

/**
 * What became of a notification's items when it was received: the ids of the items stored now (to
 * be applied), how many had been stored before (a retry: no second effect), and how many were
 * rejected (bad signature or another merchant account: never stored, never acted on, audited).
 */
public record NotificationReceipt(List<UUID> stored, int duplicates, int rejected) {

  public NotificationReceipt {
    stored = List.copyOf(stored);
  }
}
