package io.tonewall.session.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The PSP's answer to one payment, as the domain records it. No card data beyond {@link CardFacts}.
 *
 * @param outcome approved, declined, failed or unknown
 * @param declineReason the normalised reason of a decline, e.g. {@code INSUFFICIENT_FUNDS}
 * @param pspReference the PSP's reference of the payment
 * @param pspToken the reusable token of a tokenisation
 * @param card brand, first six and last four of the card used, when a card was used
 */
public record PaymentOutcome(
    Outcome outcome,
    Optional<String> declineReason,
    Optional<String> pspReference,
    Optional<String> pspToken,
    Optional<CardFacts> card) {

  public PaymentOutcome {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(declineReason, "declineReason");
    Objects.requireNonNull(pspReference, "pspReference");
    Objects.requireNonNull(pspToken, "pspToken");
    Objects.requireNonNull(card, "card");
    if (outcome == Outcome.DECLINED && declineReason.isEmpty()) {
      throw new IllegalArgumentException("a decline needs a reason");
    }
  }

  /** An approval with the PSP's reference. */
  public static PaymentOutcome approved(String pspReference, Optional<CardFacts> card) {
    return new PaymentOutcome(
        Outcome.APPROVED, Optional.empty(), Optional.of(pspReference), Optional.empty(), card);
  }

  /** A decline for a reason. */
  public static PaymentOutcome declined(String reason, Optional<CardFacts> card) {
    return new PaymentOutcome(
        Outcome.DECLINED, Optional.of(reason), Optional.empty(), Optional.empty(), card);
  }

  /** Failed, unknown or scheduled, without a reference. */
  public static PaymentOutcome of(Outcome outcome, Optional<CardFacts> card) {
    return new PaymentOutcome(outcome, Optional.empty(), Optional.empty(), Optional.empty(), card);
  }
}
