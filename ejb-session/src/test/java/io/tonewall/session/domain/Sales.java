package io.tonewall.session.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Test fixture: approved sales as the session beans record them, for tests outside this package.
 */
public final class Sales {

  private Sales() {}

  /** An approved sale of a new session, with the PSP's reference. */
  public static PaymentTransaction approved(
      String configuration, Money amount, String pspReference, Instant at) {
    PaymentAttempt attempt =
        new PaymentAttempt(
            UUID.randomUUID(),
            1,
            TransactionType.SALE,
            amount,
            Money.zero(amount.currency()),
            configuration,
            false,
            Optional.empty());
    return PaymentTransaction.of(
        attempt, PaymentOutcome.approved(pspReference, Optional.empty()), Optional.empty(), at);
  }
}
