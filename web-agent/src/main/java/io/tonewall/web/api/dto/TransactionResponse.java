package io.tonewall.web.api.dto;

import io.tonewall.session.application.TransactionView;
import java.util.Map;
import java.util.UUID;

/**
 * A payment transaction. Card facts: brand, first six, last four only.
 *
 * @param doNotResubmit true while the outcome is {@code UNKNOWN}
 * @param nextSettlementCheck for a {@code SCHEDULED} refund checked before: when the PSP is asked
 *     again automatically
 * @param reconciliationRequired a {@code SCHEDULED} refund no longer checked automatically (older
 *     than {@code tonewall.refund.settle-max-age}): {@code POST .../reconcile} settles it
 */
public record TransactionResponse(
    String id,
    String sessionId,
    String callReference,
    String type,
    long amount,
    String currency,
    long surcharge,
    boolean additional,
    String outcome,
    boolean doNotResubmit,
    String declineReason,
    String pspConfiguration,
    String pspReference,
    String pspToken,
    String brand,
    String firstSix,
    String lastFour,
    String refundOf,
    long refunded,
    String nextSettlementCheck,
    boolean reconciliationRequired,
    String createdAt,
    String updatedAt,
    Map<String, String> links) {

  /** Shapes a transaction; {@code base} is the API root ending in {@code v1/}. */
  public static TransactionResponse of(TransactionView view, String base) {
    return new TransactionResponse(
        view.id().toString(),
        view.sessionId().toString(),
        view.callReference().orElse(null),
        view.type().name(),
        view.amountMinorUnits(),
        view.currency(),
        view.surchargeMinorUnits(),
        view.additional(),
        view.outcome().name(),
        view.doNotResubmit(),
        view.declineReason().orElse(null),
        view.pspConfiguration(),
        view.pspReference().orElse(null),
        view.pspToken().orElse(null),
        view.card().map(card -> card.scheme().name()).orElse(null),
        view.card().map(card -> card.firstSix()).orElse(null),
        view.card().map(card -> card.lastFour()).orElse(null),
        view.refundOf().map(UUID::toString).orElse(null),
        view.refundedMinorUnits(),
        view.nextSettlementCheck().map(Object::toString).orElse(null),
        view.reconciliationRequired(),
        view.createdAt().toString(),
        view.updatedAt().toString(),
        Map.of(
            "self", base + "transactions/" + view.id(),
            "session", base + "sessions/" + view.sessionId()));
  }
}
