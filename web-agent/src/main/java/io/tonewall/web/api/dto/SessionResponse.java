package io.tonewall.web.api.dto;

import io.tonewall.session.application.SessionView;
import java.util.Map;

/** A payment session as the API shows it. */
public record SessionResponse(
    String id,
    String status,
    String mode,
    String transactionType,
    long amount,
    String currency,
    String merchantReference,
    String createdAt,
    String updatedAt,
    Map<String, String> links) {

  /** Shapes a session view for the API; {@code self} is the session's own URL. */
  public static SessionResponse of(SessionView view, String self) {
    return new SessionResponse(
        view.id().toString(),
        view.status().publicName(),
        view.mode().name(),
        view.transactionType().name(),
        view.amountMinorUnits(),
        view.currency(),
        view.merchantReference(),
        view.createdAt().toString(),
        view.updatedAt().toString(),
        Map.of("self", self));
  }
}
