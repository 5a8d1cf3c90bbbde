package io.tonewall.session.application;

import io.tonewall.session.domain.SessionStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A change of a payment session, fired as a synchronous CDI event <b>inside the JTA transaction
 * that makes the change</b>, after the session row, its transaction rows (if any) and the audit
 * entry have been written through JPA (not yet flushed or committed).
 *
 * <p>Observers choose when they run:
 *
 * <ul>
 *   <li>{@code @Observes SessionChanged} runs inside the transaction: the place for an outbox
 *       insert (it commits or rolls back with the change). An exception thrown there rolls the
 *       whole change back.
 *   <li>{@code @Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged} runs only after
 *       commit: the place for pushing to browsers or waking a delivery worker. It never sees a
 *       change that was rolled back.
 * </ul>
 *
 * <p>One event per audited change, and one per digit keyed or field cleared ({@code
 * field.progress}: not audited, counts only) so that live views show dots. Events carry no card
 * data.
 *
 * <p>Event types ({@link #eventType()}): {@code session.created}, {@code session.secured}, {@code
 * session.secure_lost}, {@code session.ready}, {@code field.requested}, {@code field.reset}, {@code
 * field.captured}, {@code customer.updated}, {@code surcharge.accepted}, {@code
 * psp_configuration.switched}, {@code payment.part_set}, {@code payment.approved}, {@code
 * payment.declined}, {@code payment.failed}, {@code payment.unknown}, {@code payment.reconciled},
 * {@code payment.retry}, {@code payment.additional}, {@code payment.new}, {@code refund.scheduled},
 * {@code refund.approved}, {@code refund.declined}, {@code refund.failed}, {@code refund.unknown},
 * {@code call.transferred}, {@code call.paired}, {@code call.ended}, {@code field.progress}, {@code
 * field.timed_out}, {@code session.cancelled}, {@code session.timed_out}, {@code session.expired},
 * {@code session.ended}; IVR sessions also {@code ivr.linked} (a link id for the transfer), {@code
 * ivr.announced} (the outcome or goodbye told to the caller), {@code ivr.ended} (the call ended
 * because the session did) and {@code ivr.transfer} (how the caller's transfer back ended, after
 * the session ended).
 *
 * @param sessionId the session
 * @param apiClientId the API client that opened the session; empty when the console or IVR did
 * @param oldStatus the public status before the change
 * @param newStatus the public status after it (often the same: not every change moves it)
 * @param eventType what happened, one of the types above
 * @param occurredAt when, from the application's clock
 */
public record SessionChanged(
    UUID sessionId,
    Optional<String> apiClientId,
    SessionStatus oldStatus,
    SessionStatus newStatus,
    String eventType,
    Instant occurredAt) {

  public SessionChanged {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(apiClientId, "apiClientId");
    Objects.requireNonNull(oldStatus, "oldStatus");
    Objects.requireNonNull(newStatus, "newStatus");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /** True when the public status moved. */
  public boolean statusChanged() {
    return oldStatus != newStatus;
  }
}
