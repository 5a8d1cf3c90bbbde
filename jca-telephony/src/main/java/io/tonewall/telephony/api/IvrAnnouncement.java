package io.tonewall.telephony.api;

/**
 * What the IVR tells the caller about the payment, with {@link TelephonyConnection#announce}. Each
 * is one prompt in the call's language; none speaks a digit.
 */
public enum IvrAnnouncement {
  /** "Your payment has been approved." */
  PAYMENT_APPROVED("payment-approved"),
  /** "Your payment was declined." */
  PAYMENT_DECLINED("payment-declined"),
  /** "Your payment could not be processed." */
  PAYMENT_FAILED("payment-failed"),
  /** "We could not confirm the result of your payment; please do not pay again." */
  OUTCOME_UNKNOWN("outcome-unknown"),
  /** "Your card has been saved." (tokenisation) */
  CARD_SAVED("card-saved"),
  /** "This payment has been cancelled." */
  SESSION_CANCELLED("session-cancelled"),
  /** "There were too many attempts." */
  TOO_MANY_ATTEMPTS("too-many-attempts");

  private final String prompt;

  IvrAnnouncement(String prompt) {
    this.prompt = prompt;
  }

  /** The prompt's file name without {@code .wav}, e.g. {@code payment-approved}. */
  public String prompt() {
    return prompt;
  }
}
