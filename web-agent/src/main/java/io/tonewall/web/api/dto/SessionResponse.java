package io.tonewall.web.api.dto;

import io.tonewall.session.application.SessionView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment session as the API shows it: status, the agent fields, each card field's progress
 * (masked), the payment in progress and the session's transactions.
 *
 * @param state the internal state (finer than {@code status})
 * @param doNotResubmit true while the last payment's outcome is unknown
 * @param pairingCode the code the agent dials on the call to link it, while the session waits for
 *     its call (agent-assisted sessions); null once linked
 * @param ivr IVR sessions: the transfer number and link id (while the session waits for its call),
 *     language and what happens after the outcome; null for other modes
 * @param payment amount of the next payment, what remains, surcharge and additional payments
 * @param securityIncidents how many times the leak sentinel suspected that keypad tones reached the
 *     agent on the session's call (each is an audit entry {@code security.leak_suspected}); 0
 *     normally
 */
public record SessionResponse(
    String id,
    String status,
    String state,
    boolean doNotResubmit,
    int securityIncidents,
    String mode,
    String transactionType,
    long amount,
    String currency,
    String merchantReference,
    String pspConfiguration,
    String callReference,
    String pairingCode,
    Ivr ivr,
    PaymentPart payment,
    CustomerBody customer,
    List<CardFieldResponse> cardFields,
    List<TransactionResponse> transactions,
    String expiresAt,
    String createdAt,
    String updatedAt,
    Map<String, String> links) {

  /**
   * The payment in progress.
   *
   * @param amount of the next payment (a part, or an additional payment), before surcharge
   * @param remaining what remains to be paid of the session's amount
   * @param surcharge what the configuration adds to the next payment, or null
   */
  public record PaymentPart(
      long amount,
      long remaining,
      Long surcharge,
      boolean surchargeAccepted,
      int additionalPayments) {}

  /**
   * How an IVR session's caller reaches the IVR.
   *
   * @param transferNumber where the agent or PBX transfers the caller (a number or SIP URI), while
   *     the session waits for its call; null once the call is linked
   * @param linkId digits that join the transferred call to the session (appended to the transfer
   *     number as {@code pay-<linkId>} or keyed by the caller when asked), while the session waits
   * @param language the prompts' language
   * @param afterIvr {@code HANG_UP} or {@code TRANSFER_BACK} after the outcome is announced
   */
  public record Ivr(String transferNumber, String linkId, String language, String afterIvr) {}

  /** Shapes a session view; {@code base} is the API root ending in {@code v1/}. */
  public static SessionResponse of(SessionView view, String base) {
    String self = base + "sessions/" + view.id();
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", self);
    links.put("process", self + "/process");
    links.put("cancel", self + "/cancel");
    links.put("fields", self + "/fields/{field}/request");
    view.callReference()
        .ifPresent(call -> links.put("call", base + "calls/" + call + "/transactions"));
    return new SessionResponse(
        view.id().toString(),
        view.status().publicName(),
        view.state().name(),
        view.doNotResubmit(),
        view.securityIncidents(),
        view.mode().name(),
        view.transactionType().name(),
        view.amountMinorUnits(),
        view.currency(),
        view.merchantReference(),
        view.pspConfiguration(),
        view.callReference().orElse(null),
        view.pairingCode().orElse(null),
        view.ivr()
            .map(
                ivr ->
                    new Ivr(
                        ivr.transferTo().orElse(null),
                        ivr.linkId().orElse(null),
                        ivr.language(),
                        ivr.afterIvr().name()))
            .orElse(null),
        new PaymentPart(
            view.paymentMinorUnits(),
            view.remainingMinorUnits(),
            view.surchargeMinorUnits().orElse(null),
            view.surchargeAccepted(),
            view.additionalPayments()),
        new CustomerBody(
            view.customerName().orElse(null),
            view.customerAddress().orElse(null),
            view.customerPostcode().orElse(null),
            view.customerEmail().orElse(null)),
        view.cardFields().stream().map(CardFieldResponse::of).toList(),
        view.transactions().stream().map(t -> TransactionResponse.of(t, base)).toList(),
        view.expiresAt().map(Object::toString).orElse(null),
        view.createdAt().toString(),
        view.updatedAt().toString(),
        Map.copyOf(links));
  }
}
