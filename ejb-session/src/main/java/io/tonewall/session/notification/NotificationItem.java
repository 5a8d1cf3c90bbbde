package io.tonewall.session.notification;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of a PSP notification (Adyen's {@code NotificationRequestItem}) as received, parsed but
 * not yet checked: the fields the PSP signs, verbatim (an absent one is the empty string), the
 * free-text {@code reason} and the signature it carried. Built by the HTTP layer, which has checked
 * their JSON types; the other members of the item ({@code additionalData} among them, where card
 * summaries and BINs travel) are never read into it. {@link #toString()} shows the event code and
 * the PSP reference only.
 *
 * @param pspReference the PSP's reference of the event: 1 to 64 letters, digits, '-' or '_'
 * @param originalReference the reference of the payment a modification belongs to, or empty
 * @param merchantAccountCode the merchant account
 * @param merchantReference the merchant's reference of the request (Tonewall's key), or empty
 * @param value the amount in minor units as received, or empty
 * @param currency the currency as received, or empty
 * @param eventCode the event, e.g. {@code REFUND}: capital letters and '_'
 * @param success {@code "true"} or {@code "false"}
 * @param reason the PSP's free text, if any (stored with every digit masked)
 * @param signature the signature the item carried, or empty
 */
public record NotificationItem(
    String pspReference,
    String originalReference,
    String merchantAccountCode,
    String merchantReference,
    String value,
    String currency,
    String eventCode,
    String success,
    Optional<String> reason,
    String signature) {

  public NotificationItem {
    Objects.requireNonNull(pspReference, "pspReference");
    Objects.requireNonNull(originalReference, "originalReference");
    Objects.requireNonNull(merchantAccountCode, "merchantAccountCode");
    Objects.requireNonNull(merchantReference, "merchantReference");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(eventCode, "eventCode");
    Objects.requireNonNull(success, "success");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(signature, "signature");
    if (!pspReference.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("pspReference must be 1 to 64 letters, digits, - or _");
    }
    if (!originalReference.matches("[A-Za-z0-9_-]{0,64}")) {
      throw new IllegalArgumentException(
          "originalReference must be up to 64 letters, digits, - or _");
    }
    if (!eventCode.matches("[A-Z_]{1,64}")) {
      // Adyen's event codes are capitals and '_' (REFUND, CAPTURE_FAILED, ...): nothing else, so
      // that no digits of an unauthenticated item reach an audit entry or a log line
      throw new IllegalArgumentException("eventCode must be 1 to 64 capital letters or _");
    }
    if (!success.equals("true") && !success.equals("false")) {
      throw new IllegalArgumentException("success must be \"true\" or \"false\"");
    }
  }

  /** Whether the event succeeded. */
  public boolean succeeded() {
    return success.equals("true");
  }

  @Override
  public String toString() {
    return "NotificationItem[" + eventCode + " " + pspReference + "]";
  }
}
