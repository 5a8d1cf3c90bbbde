package io.tonewall.psp.testing;

import io.tonewall.psp.api.PaymentCard;

/** Cards for tests: expiry 12/30 and a security code unlikely to appear anywhere else. */
public final class TestCards {
  /** A security code that no log line, port or duration should contain by chance. */
  public static final String SECURITY_CODE = "8317";

  private TestCards() {}

  public static PaymentCard card(String number) {
    return PaymentCard.of(number.toCharArray(), "12/30".toCharArray(), SECURITY_CODE.toCharArray());
  }
}
