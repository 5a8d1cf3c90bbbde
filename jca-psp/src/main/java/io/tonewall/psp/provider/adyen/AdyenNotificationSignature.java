package io.tonewall.psp.provider.adyen;

import io.tonewall.psp.api.ProviderNotification;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC signature of Adyen's standard notifications (webhooks): HMAC-SHA256, keyed with the
 * bytes of the hex key generated in the Customer Area, over {@code
 * pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success}
 * — each field as received, empty when absent, with {@code \} written {@code \\} and {@code :}
 * written {@code \:} — encoded in base64 and carried in {@code additionalData.hmacSignature}.
 * Compared in constant time.
 */
public final class AdyenNotificationSignature {

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;

  private AdyenNotificationSignature(byte[] key) {
    this.key = key;
  }

  /**
   * A signature checker for a hex key.
   *
   * @throws IllegalArgumentException when the key is not an even number of hex digits (the message
   *     quotes no part of it)
   */
  public static AdyenNotificationSignature withHexKey(String hexKey) {
    if (hexKey.isEmpty() || hexKey.length() % 2 != 0) {
      throw new IllegalArgumentException("an HMAC key must be an even number of hex digits");
    }
    try {
      return new AdyenNotificationSignature(HexFormat.of().parseHex(hexKey));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("an HMAC key must be hex digits only", e);
    }
  }

  /** The text Adyen signs for this item. */
  public static String signedText(ProviderNotification item) {
    List<String> fields =
        List.of(
            item.pspReference(),
            item.originalReference(),
            item.merchantAccountCode(),
            item.merchantReference(),
            item.value(),
            item.currency(),
            item.eventCode(),
            item.success());
    StringBuilder text = new StringBuilder();
    for (String field : fields) {
      if (!text.isEmpty()) {
        text.append(':');
      }
      text.append(field.replace("\\", "\\\\").replace(":", "\\:"));
    }
    return text.toString();
  }

  /** The base64 signature of this item with this key. */
  public String sign(ProviderNotification item) {
    return Base64.getEncoder().encodeToString(mac(signedText(item)));
  }

  /** Whether the item's own signature is the one this key gives (constant-time comparison). */
  public boolean matches(ProviderNotification item) {
    byte[] carried;
    try {
      carried = Base64.getDecoder().decode(item.signature().strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return carried.length > 0 && MessageDigest.isEqual(carried, mac(signedText(item)));
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
