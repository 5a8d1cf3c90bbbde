package io.tonewall.psp.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a status query.
 *
 * @param state where the payment stands
 * @param providerReference the provider's reference, unless {@link PaymentState#NOT_FOUND}
 * @param authorised the authorised amount, where known
 * @param declineReason set for {@link PaymentState#DECLINED}
 */
public record PaymentStatus(
    PaymentState state,
    Optional<String> providerReference,
    Optional<Money> authorised,
    Optional<DeclineReason> declineReason) {

  public PaymentStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(providerReference, "providerReference");
    Objects.requireNonNull(authorised, "authorised");
    Objects.requireNonNull(declineReason, "declineReason");
  }

  /** Nothing is known of it at the provider. */
  public static PaymentStatus notFound() {
    return new PaymentStatus(
        PaymentState.NOT_FOUND, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A found payment. */
  public static PaymentStatus of(PaymentState state, String reference, Optional<Money> amount) {
    return new PaymentStatus(state, Optional.of(reference), amount, Optional.empty());
  }
}
