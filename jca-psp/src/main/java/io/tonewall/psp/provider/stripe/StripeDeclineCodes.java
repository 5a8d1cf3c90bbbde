package io.tonewall.psp.provider.stripe;

import io.tonewall.psp.api.DeclineReason;
import java.util.Map;
import java.util.Optional;

/** Stripe's {@code decline_code} and {@code code} values mapped to normalised reasons. */
final class StripeDeclineCodes {
  private static final Map<String, DeclineReason> REASONS =
      Map.ofEntries(
          Map.entry("insufficient_funds", DeclineReason.INSUFFICIENT_FUNDS),
          Map.entry("expired_card", DeclineReason.EXPIRED_CARD),
          Map.entry("incorrect_cvc", DeclineReason.INVALID_SECURITY_CODE),
          Map.entry("invalid_cvc", DeclineReason.INVALID_SECURITY_CODE),
          Map.entry("incorrect_number", DeclineReason.INVALID_CARD_NUMBER),
          Map.entry("invalid_number", DeclineReason.INVALID_CARD_NUMBER),
          Map.entry("invalid_account", DeclineReason.INVALID_CARD_NUMBER),
          Map.entry("fraudulent", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("lost_card", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("stolen_card", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("pickup_card", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("merchant_blacklist", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("restricted_card", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("security_violation", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("authentication_required", DeclineReason.AUTHENTICATION_REQUIRED),
          Map.entry("do_not_honor", DeclineReason.DO_NOT_HONOUR),
          Map.entry("generic_decline", DeclineReason.DO_NOT_HONOUR));

  private StripeDeclineCodes() {}

  /**
   * The reason for a decline: {@code decline_code} first, then {@code code}, else DO_NOT_HONOUR.
   */
  static DeclineReason reason(Optional<String> declineCode, Optional<String> code) {
    return declineCode
        .map(REASONS::get)
        .or(() -> code.map(REASONS::get))
        .orElse(DeclineReason.DO_NOT_HONOUR);
  }
}
