package io.tonewall.session.notification;

/**
 * What an Adyen event means for Tonewall, from its {@code eventCode} and {@code success}:
 *
 * <ul>
 *   <li>{@code REFUND} (and {@code CANCEL_OR_REFUND}, whose merchant reference names a refund)
 *       true: the refund succeeded; false: the refund was refused;
 *   <li>{@code REFUND_FAILED} and {@code REFUNDED_REVERSED}: the refund failed after Adyen had
 *       accepted it, or the money came back — the merchant keeps it;
 *   <li>{@code CAPTURE_FAILED}, and {@code CAPTURE} false: the capture of a sale failed (Tonewall
 *       keeps no capture state: it is audited and announced);
 *   <li>anything else ({@code AUTHORISATION}, {@code CAPTURE} true, {@code CANCELLATION},
 *       chargebacks, reports, ...): stored and acknowledged, nothing to do.
 * </ul>
 */
public enum NotificationAction {
  REFUND_SUCCEEDED,
  REFUND_FAILED,
  CAPTURE_FAILED,
  NONE;

  /** The action an event asks for. */
  public static NotificationAction of(String eventCode, boolean success) {
    return switch (eventCode) {
      case "REFUND", "CANCEL_OR_REFUND" -> success ? REFUND_SUCCEEDED : REFUND_FAILED;
      case "REFUND_FAILED", "REFUNDED_REVERSED" -> success ? REFUND_FAILED : NONE;
      case "CAPTURE" -> success ? NONE : CAPTURE_FAILED;
      case "CAPTURE_FAILED" -> success ? CAPTURE_FAILED : NONE;
      default -> NONE;
    };
  }

  /**
   * The reason recorded on a refund that failed by this event: {@code REFUND_REFUSED} (a {@code
   * REFUND} false), else the event code ({@code REFUND_FAILED}, {@code REFUNDED_REVERSED}).
   */
  public static String failureReason(String eventCode) {
    return eventCode.equals("REFUND") || eventCode.equals("CANCEL_OR_REFUND")
        ? "REFUND_REFUSED"
        : eventCode;
  }
}
