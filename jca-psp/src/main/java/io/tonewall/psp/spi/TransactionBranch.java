package io.tonewall.psp.spi;

import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The adapter's work in one JTA transaction branch: authorisations already sent (voided if the
 * branch rolls back) and requests deferred to commit (captures, voids, refunds). Rebuilt from the
 * recovery log after a crash. Thread-safe.
 */
final class TransactionBranch {

  /** An authorisation sent inside the branch; outcome and reference empty until answered. */
  record Authorisation(
      String configuration,
      IdempotencyKey key,
      Money amount,
      boolean captured,
      Optional<Outcome> outcome,
      Optional<String> reference) {

    Authorisation answered(Outcome answer, Optional<String> providerReference) {
      return new Authorisation(
          configuration, key, amount, captured, Optional.of(answer), providerReference);
    }
  }

  /** A capture, void or refund sent after commit. {@code amount} is empty for a void. */
  record DeferredRequest(
      String configuration,
      IdempotencyKey key,
      Operation operation,
      String reference,
      Optional<Money> amount) {}

  private final BranchId id;
  private final boolean recovered;
  private final Map<IdempotencyKey, Authorisation> authorisations = new LinkedHashMap<>();
  private final List<DeferredRequest> requests = new ArrayList<>();
  private final Set<IdempotencyKey> done = new HashSet<>();
  private boolean prepared;
  private boolean rollbackOnly;
  private boolean reservationsReleased;

  TransactionBranch(BranchId id, boolean recovered) {
    this.id = id;
    this.recovered = recovered;
  }

  BranchId id() {
    return id;
  }

  /** Whether it was rebuilt from the log (a previous run's work), not started in this run. */
  boolean recovered() {
    return recovered;
  }

  synchronized void sent(Authorisation authorisation) {
    authorisations.put(authorisation.key(), authorisation);
  }

  synchronized void answered(IdempotencyKey key, Outcome outcome, Optional<String> reference) {
    Authorisation sent = authorisations.get(key);
    if (sent != null) {
      authorisations.put(key, sent.answered(outcome, reference));
    }
  }

  synchronized void defer(DeferredRequest request) {
    requests.add(request);
  }

  synchronized void done(IdempotencyKey key) {
    done.add(key);
  }

  synchronized boolean isDone(IdempotencyKey key) {
    return done.contains(key);
  }

  synchronized Set<IdempotencyKey> doneKeys() {
    return Set.copyOf(done);
  }

  synchronized List<Authorisation> authorisations() {
    return List.copyOf(authorisations.values());
  }

  synchronized List<DeferredRequest> requests() {
    return List.copyOf(requests);
  }

  synchronized boolean isEmpty() {
    return authorisations.isEmpty() && requests.isEmpty();
  }

  synchronized void markPrepared() {
    prepared = true;
  }

  synchronized boolean isPrepared() {
    return prepared;
  }

  /**
   * True the first time only: the ledger reservations of the deferred requests are released once.
   */
  synchronized boolean releaseReservationsOnce() {
    boolean first = !reservationsReleased;
    reservationsReleased = true;
    return first;
  }

  synchronized void markRollbackOnly() {
    rollbackOnly = true;
  }

  synchronized boolean isRollbackOnly() {
    return rollbackOnly;
  }

  @Override
  public String toString() {
    return "TransactionBranch["
        + id
        + ", "
        + authorisations.size()
        + " authorisations, "
        + requests.size()
        + " deferred]";
  }
}
