package io.tonewall.psp.api;

/**
 * The PSP configuration receives no provider notifications: it is not an Adyen configuration, or it
 * has no {@code notificationHmacKey}. Nothing was checked.
 */
public final class NotificationsNotEnabledException extends PspRequestRejectedException {
  private static final long serialVersionUID = 1L;

  public NotificationsNotEnabledException(String message) {
    super(message);
  }
}
