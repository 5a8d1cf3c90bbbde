package io.tonewall.session.notification;

import jakarta.ejb.ApplicationException;

/**
 * The PSP configuration named receives no notifications: there is none with this id, it is not an
 * Adyen configuration, or it has no {@code notificationHmacKey}. Nothing was stored.
 */
@ApplicationException(rollback = true)
public final class PspNotificationsDisabledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PspNotificationsDisabledException(String configuration, Throwable cause) {
    super(
        "PSP configuration '"
            + configuration
            + "' receives no notifications: it must be an adyen configuration with"
            + " notificationHmacKey",
        cause);
  }
}
