package io.tonewall.psp.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one request. Holds no card data: at most brand, first six and last four.
 *
 * @param operation what was asked
 * @param outcome what became of it
 * @param declineReason set when {@code outcome} is {@link Outcome#DECLINED}
 * @param idempotencyKey the key the request carried
 * @param providerReference the provider's reference of the payment (PaymentIntent id, pspReference)
 * @param amount the amount concerned, where there is one
 * @param token the reusable payment token, for tokenisation
 * @param detail a short explanation from the provider or the adapter, with digit runs masked
 */
public record PaymentResult(
    Operation operation,
    Outcome outcome,
    Optional<DeclineReason> declineReason,
    IdempotencyKey idempotencyKey,
    Optional<String> providerReference,
    Optional<Money> amount,
    Optional<String> token,
    Optional<String> detail) {

  public PaymentResult {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(declineReason, "declineReason");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(detail, "detail");
    if (outcome == Outcome.DECLINED && declineReason.isEmpty()) {
      throw new IllegalArgumentException("a decline needs a reason");
    }
  }

  /** Approved, with the provider's reference. */
  public static PaymentResult approved(
      Operation operation, IdempotencyKey key, String reference, Optional<Money> amount) {
    return new PaymentResult(
        operation,
        Outcome.APPROVED,
        Optional.empty(),
        key,
        Optional.of(reference),
        amount,
        Optional.empty(),
        Optional.empty());
  }

  /** Declined for a reason. */
  public static PaymentResult declined(
      Operation operation,
      IdempotencyKey key,
      DeclineReason reason,
      Optional<String> reference,
      String detail) {
    return new PaymentResult(
        operation,
        Outcome.DECLINED,
        Optional.of(reason),
        key,
        reference,
        Optional.empty(),
        Optional.empty(),
        Optional.of(detail));
  }

  /** Failed or unknown, with an explanation. */
  public static PaymentResult unsettled(
      Operation operation, Outcome outcome, IdempotencyKey key, String detail) {
    if (outcome == Outcome.APPROVED || outcome == Outcome.DECLINED) {
      throw new IllegalArgumentException("use approved() or declined()");
    }
    return new PaymentResult(
        operation,
        outcome,
        Optional.empty(),
        key,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(detail));
  }

  /** This result with a token. */
  public PaymentResult withToken(String paymentToken) {
    return new PaymentResult(
        operation,
        outcome,
        declineReason,
        idempotencyKey,
        providerReference,
        amount,
        Optional.of(paymentToken),
        detail);
  }

  /** This result with a provider reference. */
  public PaymentResult withReference(String reference) {
    return new PaymentResult(
        operation,
        outcome,
        declineReason,
        idempotencyKey,
        Optional.of(reference),
        amount,
        token,
        detail);
  }

  /** Whether the outcome is {@link Outcome#APPROVED}. */
  public boolean isApproved() {
    return outcome == Outcome.APPROVED;
  }
}
