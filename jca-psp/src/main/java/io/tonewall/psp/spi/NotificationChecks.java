package io.tonewall.psp.spi;

import io.tonewall.psp.api.NotificationAuthenticity;
import io.tonewall.psp.api.NotificationsNotEnabledException;
import io.tonewall.psp.api.ProviderNotification;
import io.tonewall.psp.provider.ProviderKind;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.provider.adyen.AdyenNotificationSignature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks provider notifications against a configuration's notification settings, so that the HMAC
 * key and the HTTP Basic password never leave the adapter: who may send them, and whether an item
 * is signed with the key and about the configuration's merchant account.
 */
final class NotificationChecks {

  private NotificationChecks() {}

  /**
   * The configuration, when it receives notifications.
   *
   * @throws NotificationsNotEnabledException when it is not Adyen or has no HMAC key
   */
  static PspConfiguration receiving(PspConfiguration configuration)
      throws NotificationsNotEnabledException {
    if (configuration.provider() != ProviderKind.ADYEN
        || configuration.notificationHmacKey().isEmpty()) {
      throw new NotificationsNotEnabledException(
          "PSP configuration '"
              + configuration.id()
              + "' receives no notifications (an adyen configuration with notificationHmacKey"
              + " does)");
    }
    return configuration;
  }

  /** Whether the sender's HTTP Basic credentials are the configured ones, if any are. */
  static boolean senderAccepted(PspConfiguration configuration, String username, String password) {
    Optional<String> expectedUser = configuration.notificationUsername();
    if (expectedUser.isEmpty()) {
      return true;
    }
    if (username == null || password == null) {
      return false;
    }
    boolean user = same(expectedUser.get(), username);
    boolean secret = same(configuration.notificationPassword().orElseThrow(), password);
    return user & secret;
  }

  /** Whether the item is signed with the configuration's key and about its merchant account. */
  static NotificationAuthenticity authenticity(
      PspConfiguration configuration, ProviderNotification item) {
    AdyenNotificationSignature signature =
        AdyenNotificationSignature.withHexKey(configuration.notificationHmacKey().orElseThrow());
    if (!signature.matches(item)) {
      return NotificationAuthenticity.SIGNATURE_INVALID;
    }
    if (!configuration.merchantAccount().orElseThrow().equals(item.merchantAccountCode())) {
      return NotificationAuthenticity.OTHER_MERCHANT_ACCOUNT;
    }
    return NotificationAuthenticity.AUTHENTIC;
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
