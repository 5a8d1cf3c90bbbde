package io.tonewall.session.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One payment a session is about to send to the PSP: what, how much, through which configuration,
 * with which idempotency key ({@code <session id>-<attempt>}, 38-40 characters, so a retry of the
 * same attempt can never charge twice).
 *
 * @param sessionId the session
 * @param number the attempt's number in the session, from 1
 * @param type sale, pre-authorisation or tokenisation
 * @param amount the amount to charge, surcharge included (zero for a tokenisation)
 * @param surcharge the surcharge included in {@code amount} (zero when none)
 * @param pspConfiguration the PSP configuration id
 * @param additional whether this is an additional payment on the same card
 * @param callReference the call the payment is taken on, if any
 */
public record PaymentAttempt(
    UUID sessionId,
    int number,
    TransactionType type,
    Money amount,
    Money surcharge,
    String pspConfiguration,
    boolean additional,
    Optional<String> callReference) {

  public PaymentAttempt {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(surcharge, "surcharge");
    Objects.requireNonNull(pspConfiguration, "pspConfiguration");
    Objects.requireNonNull(callReference, "callReference");
  }

  /** The idempotency key sent with this attempt. */
  public String idempotencyKey() {
    return sessionId + "-" + number;
  }
}
