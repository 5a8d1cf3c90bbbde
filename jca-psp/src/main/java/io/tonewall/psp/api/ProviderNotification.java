package io.tonewall.psp.api;

import java.util.Objects;

/**
 * One item of a provider's notification (Adyen's {@code NotificationRequestItem}) as the provider
 * signed it: each field verbatim as received (an absent field is the empty string), and the
 * signature the item carried ({@code additionalData.hmacSignature}). The adapter checks it with the
 * configuration's notification key ({@link PspConnection#notificationAuthenticity}); the key never
 * leaves the adapter. {@link #toString()} shows the event code and the provider reference only.
 *
 * @param pspReference the provider's reference of the event (Adyen: of the modification)
 * @param originalReference the reference of the payment a modification belongs to, or empty
 * @param merchantAccountCode the merchant account the event happened on
 * @param merchantReference the merchant's reference sent with the request (Tonewall's key)
 * @param value the amount in minor units, as received (e.g. {@code "1130"})
 * @param currency the ISO 4217 currency, as received
 * @param eventCode the event, e.g. {@code REFUND}
 * @param success {@code "true"} or {@code "false"}, as received
 * @param signature the base64 signature the item carried, or empty
 */
public record ProviderNotification(
    String pspReference,
    String originalReference,
    String merchantAccountCode,
    String merchantReference,
    String value,
    String currency,
    String eventCode,
    String success,
    String signature) {

  public ProviderNotification {
    Objects.requireNonNull(pspReference, "pspReference");
    Objects.requireNonNull(originalReference, "originalReference");
    Objects.requireNonNull(merchantAccountCode, "merchantAccountCode");
    Objects.requireNonNull(merchantReference, "merchantReference");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(eventCode, "eventCode");
    Objects.requireNonNull(success, "success");
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public String toString() {
    return "ProviderNotification[" + eventCode + " " + pspReference + "]";
  }
}
