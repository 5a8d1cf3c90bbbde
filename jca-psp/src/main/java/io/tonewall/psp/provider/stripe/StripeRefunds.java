package io.tonewall.psp.provider.stripe;

import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.RefundState;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.StatusQueryFailedException;
import io.tonewall.psp.http.JsonReading;
import io.tonewall.psp.http.RedactedText;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Stripe's Refund object: {@code status} {@code succeeded} is final and {@code failed} and
 * {@code canceled} are final failures (with {@code failure_reason} where Stripe gives one); {@code
 * pending} and {@code requires_action} are not final, nor is a status this adapter does not know.
 */
final class StripeRefunds {

  private StripeRefunds() {}

  static RefundStatus status(JsonObject refund) throws StatusQueryFailedException {
    Optional<String> id = JsonReading.string(refund, "id");
    Optional<String> status = JsonReading.string(refund, "status");
    if (id.isEmpty() || status.isEmpty()) {
      throw new StatusQueryFailedException("Stripe Refund without id or status");
    }
    Optional<Money> amount =
        JsonReading.number(refund, "amount")
            .filter(a -> a > 0)
            .flatMap(
                a ->
                    JsonReading.string(refund, "currency")
                        .map(c -> Money.of(a, c.toUpperCase(Locale.ROOT))));
    RefundState state;
    String detail;
    switch (status.get()) {
      case "succeeded" -> {
        state = RefundState.SUCCEEDED;
        detail = "refund succeeded";
      }
      case "failed" -> {
        state = RefundState.FAILED;
        detail =
            "refund failed"
                + JsonReading.string(refund, "failure_reason")
                    .map(reason -> ": " + RedactedText.of(reason))
                    .orElse("");
      }
      case "canceled" -> {
        state = RefundState.FAILED;
        detail = "refund canceled";
      }
      default -> {
        state = RefundState.PENDING;
        detail = "refund " + RedactedText.of(status.get());
      }
    }
    return new RefundStatus(state, id, amount, Optional.of(detail));
  }
}
