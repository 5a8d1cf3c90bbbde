package io.tonewall.session.notification;

import jakarta.ejb.ApplicationException;

/**
 * The sender of a notification did not give the HTTP Basic credentials the PSP configuration asks
 * for. Nothing was stored.
 */
@ApplicationException(rollback = true)
public final class NotificationSenderRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotificationSenderRefusedException(String configuration) {
    super("the notification sender's credentials for '" + configuration + "' are not accepted");
  }
}
