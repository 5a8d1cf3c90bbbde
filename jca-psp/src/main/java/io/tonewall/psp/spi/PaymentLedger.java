package io.tonewall.psp.spi;

import io.tonewall.psp.api.AmountExceedsAuthorisationException;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentNotCapturableException;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.UnknownPaymentReferenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this adapter instance knows of the payments it made: authorised, captured and refunded
 * amounts per provider reference (with amounts reserved by captures and refunds scheduled inside
 * open transactions), and the last answer per idempotency key. Used to reject captures and refunds
 * above what is left, and refunds of unknown references, before anything is sent. Payments are kept
 * in a {@link PaymentJournal}, so they are still known after a restart; answers by key are in
 * memory only (a month at most).
 */
final class PaymentLedger {
  private final Map<String, Entry> byReference = new ConcurrentHashMap<>();
  private final Map<IdempotencyKey, PaymentResult> byKey = new ConcurrentHashMap<>();
  private final Map<IdempotencyKey, Instant> answeredAt = new ConcurrentHashMap<>();
  private final Clock clock;
  private final PaymentJournal journal;

  PaymentLedger(Clock clock, PaymentJournal journal) {
    this.clock = clock;
    this.journal = journal;
    journal
        .payments()
        .forEach(
            (reference, snapshot) -> {
              Entry entry = new Entry(snapshot.configuration(), snapshot.authorised());
              entry.state = snapshot.state();
              entry.captured = snapshot.captured();
              entry.refunded = snapshot.refunded();
              byReference.put(reference, entry);
            });
  }

  /** Records an authorisation's answer; approved ones become entries. */
  void authorised(String configuration, PaymentResult result, Money amount, boolean captured) {
    remember(result);
    if (result.isApproved()) {
      result
          .providerReference()
          .ifPresent(
              reference -> {
                Entry entry = new Entry(configuration, amount);
                if (captured) {
                  entry.captured = amount.minorUnits();
                  entry.state = PaymentState.CAPTURED;
                }
                byReference.put(reference, entry);
                persist(reference, entry);
              });
    }
  }

  /** Records an answer to any other request. */
  void answered(PaymentResult result) {
    remember(result);
  }

  /** When the answer for this key arrived, if this adapter instance saw one. */
  Optional<Instant> answeredAt(IdempotencyKey key) {
    return Optional.ofNullable(answeredAt.get(key));
  }

  private void remember(PaymentResult result) {
    byKey.put(result.idempotencyKey(), result);
    answeredAt.put(result.idempotencyKey(), clock.instant());
  }

  /** Learns a payment found by a status query. */
  void learned(String configuration, String reference, PaymentState state, Money amount) {
    if (byReference.containsKey(reference)) {
      return;
    }
    Entry entry = new Entry(configuration, amount);
    entry.state = state;
    entry.captured = state == PaymentState.CAPTURED ? amount.minorUnits() : 0;
    if (byReference.putIfAbsent(reference, entry) == null) {
      persist(reference, entry);
    }
  }

  Optional<PaymentResult> answer(IdempotencyKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  Optional<Money> authorisedAmount(String reference) {
    return Optional.ofNullable(byReference.get(reference)).map(e -> e.authorised);
  }

  Optional<PaymentState> state(String reference) {
    return Optional.ofNullable(byReference.get(reference)).map(e -> e.state);
  }

  /**
   * Reserves a capture and answers its amount (all that remains if none is given).
   *
   * @throws UnknownPaymentReferenceException if the reference is unknown for this configuration
   * @throws PaymentNotCapturableException if it is not an open authorisation
   * @throws AmountExceedsAuthorisationException if more than remains is asked
   */
  Money reserveCapture(String configuration, String reference, Optional<Money> amount)
      throws UnknownPaymentReferenceException,
          PaymentNotCapturableException,
          AmountExceedsAuthorisationException {
    Entry entry = entry(configuration, reference);
    synchronized (entry) {
      if (entry.state != PaymentState.AUTHORISED) {
        throw new PaymentNotCapturableException(
            "payment " + reference + " is " + entry.state + ", cannot capture");
      }
      if (entry.pendingCapture > 0) {
        throw new PaymentNotCapturableException(
            "payment " + reference + " already has a capture scheduled after commit");
      }
      Money capture = amount.orElse(entry.authorised);
      if (capture.exceeds(entry.authorised)) {
        throw new AmountExceedsAuthorisationException(
            "capture of " + capture + " exceeds the authorised " + entry.authorised);
      }
      entry.pendingCapture = capture.minorUnits();
      return capture;
    }
  }

  /**
   * Reserves a refund and answers its amount (all that is left if none is given).
   *
   * @throws UnknownPaymentReferenceException if the reference is unknown for this configuration
   * @throws PaymentNotCapturableException if nothing is captured
   * @throws AmountExceedsAuthorisationException if more than is left is asked
   */
  Money reserveRefund(String configuration, String reference, Optional<Money> amount)
      throws UnknownPaymentReferenceException,
          PaymentNotCapturableException,
          AmountExceedsAuthorisationException {
    Entry entry = entry(configuration, reference);
    synchronized (entry) {
      long left = entry.captured - entry.refunded - entry.pendingRefund;
      if (entry.state != PaymentState.CAPTURED || left <= 0) {
        throw new PaymentNotCapturableException(
            "payment " + reference + " is " + entry.state + " with nothing left to refund");
      }
      Money refund = amount.orElse(new Money(left, entry.authorised.currency()));
      if (refund.exceeds(new Money(left, entry.authorised.currency()))) {
        throw new AmountExceedsAuthorisationException(
            "refund of " + refund + " exceeds the " + left + " left of the captured amount");
      }
      entry.pendingRefund += refund.minorUnits();
      return refund;
    }
  }

  /**
   * Checks that a void is possible.
   *
   * @throws UnknownPaymentReferenceException if the reference is unknown for this configuration
   * @throws PaymentNotCapturableException if it is not an open authorisation
   */
  void checkVoid(String configuration, String reference)
      throws UnknownPaymentReferenceException, PaymentNotCapturableException {
    Entry entry = entry(configuration, reference);
    if (entry.state != PaymentState.AUTHORISED) {
      throw new PaymentNotCapturableException(
          "payment " + reference + " is " + entry.state + ", cannot void");
    }
  }

  /** A reserved capture was sent: approved or not, the reservation ends. */
  void captureSettled(String reference, Money amount, boolean approved) {
    Optional.ofNullable(byReference.get(reference))
        .ifPresent(
            entry -> {
              synchronized (entry) {
                entry.pendingCapture = 0;
                if (approved) {
                  entry.captured = amount.minorUnits();
                  entry.state = PaymentState.CAPTURED;
                  persist(reference, entry);
                }
              }
            });
  }

  /** A reserved refund was sent: approved or not, the reservation ends. */
  void refundSettled(String reference, Money amount, boolean approved) {
    Optional.ofNullable(byReference.get(reference))
        .ifPresent(
            entry -> {
              synchronized (entry) {
                entry.pendingRefund = Math.max(0, entry.pendingRefund - amount.minorUnits());
                if (approved) {
                  entry.refunded += amount.minorUnits();
                  if (entry.refunded >= entry.captured) {
                    entry.state = PaymentState.REFUNDED;
                  }
                  persist(reference, entry);
                }
              }
            });
  }

  /** A void was sent. */
  void voidSettled(String reference, boolean approved) {
    if (approved) {
      Optional.ofNullable(byReference.get(reference))
          .ifPresent(
              entry -> {
                entry.state = PaymentState.VOIDED;
                persist(reference, entry);
              });
    }
  }

  /** Writes the entry's state to the journal; forgets what a compaction of it dropped. */
  private void persist(String reference, Entry entry) {
    Set<String> dropped =
        journal.record(
            reference,
            entry.configuration,
            entry.authorised,
            entry.state,
            entry.captured,
            entry.refunded);
    if (!dropped.isEmpty()) {
      dropped.forEach(byReference::remove);
      Instant oldest = clock.instant().minus(PaymentJournal.AUTHORISED_RETENTION);
      answeredAt.entrySet().removeIf(answer -> answer.getValue().isBefore(oldest));
      byKey.keySet().retainAll(answeredAt.keySet());
    }
  }

  private Entry entry(String configuration, String reference)
      throws UnknownPaymentReferenceException {
    Entry entry = byReference.get(reference);
    if (entry == null || !entry.configuration.equals(configuration)) {
      throw new UnknownPaymentReferenceException(
          "no payment "
              + reference
              + " of configuration '"
              + configuration
              + "' is known to this adapter (query its status by reference first)");
    }
    return entry;
  }

  private static final class Entry {
    private final String configuration;
    private final Money authorised;
    private volatile PaymentState state = PaymentState.AUTHORISED;
    private long captured;
    private long refunded;
    private long pendingCapture;
    private long pendingRefund;

    Entry(String configuration, Money authorised) {
      this.configuration = configuration;
      this.authorised = authorised;
    }
  }
}
