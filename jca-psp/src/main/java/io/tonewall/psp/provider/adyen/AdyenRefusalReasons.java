package io.tonewall.psp.provider.adyen;

import io.tonewall.psp.api.DeclineReason;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Adyen's {@code refusalReason} texts mapped to normalised reasons. */
final class AdyenRefusalReasons {
  private static final Map<String, DeclineReason> REASONS =
      Map.ofEntries(
          Map.entry("not enough balance", DeclineReason.INSUFFICIENT_FUNDS),
          Map.entry("withdrawal amount exceeded", DeclineReason.INSUFFICIENT_FUNDS),
          Map.entry("expired card", DeclineReason.EXPIRED_CARD),
          Map.entry("cvc declined", DeclineReason.INVALID_SECURITY_CODE),
          Map.entry("invalid card number", DeclineReason.INVALID_CARD_NUMBER),
          Map.entry("fraud", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("fraud-cancelled", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("issuer suspected fraud", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("acquirer fraud", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("blocked card", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("restricted card", DeclineReason.SUSPECTED_FRAUD),
          Map.entry("authentication required", DeclineReason.AUTHENTICATION_REQUIRED),
          Map.entry("3d not authenticated", DeclineReason.AUTHENTICATION_REQUIRED),
          Map.entry("3d secure mandated", DeclineReason.AUTHENTICATION_REQUIRED),
          Map.entry("refused", DeclineReason.DO_NOT_HONOUR),
          Map.entry("declined non generic", DeclineReason.DO_NOT_HONOUR));

  private AdyenRefusalReasons() {}

  /** The reason for a refusal, DO_NOT_HONOUR for any text not listed. */
  static DeclineReason reason(Optional<String> refusalReason) {
    return refusalReason
        .map(r -> REASONS.get(r.trim().toLowerCase(Locale.ROOT)))
        .orElse(DeclineReason.DO_NOT_HONOUR);
  }
}
