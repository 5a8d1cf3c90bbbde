package io.tonewall.session.idempotency;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store of idempotency keys. By default each call runs in a transaction of its own ({@code
 * REQUIRES_NEW}): a key is claimed before the request is answered and completed after, outside the
 * request's own transaction. A request answered in one transaction (token payments) claims and
 * completes its key inside that transaction instead ({@code ...InCallersTransaction}, {@code
 * MANDATORY}): the key, its answer and the payment commit or roll back together. The unique
 * constraint on (client, key) decides which of two concurrent first requests wins; the other sees
 * the key in progress (inside a transaction, its insert waits until the winner's transaction has
 * ended). Expired keys are purged hourly.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotentRequests {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  @Inject private Clock clock;

  /**
   * Claims {@code key} for a request, or says what a repeat gets. An expired key is forgotten and
   * claimed afresh.
   *
   * @throws InvalidIdempotencyKeyException when the key is not acceptable
   */
  public IdempotencyDecision claim(String apiClientId, String key, RequestFingerprint fingerprint) {
    return decide(apiClientId, key, fingerprint);
  }

  /**
   * {@link #claim} inside the caller's transaction: the claim is undone when that transaction rolls
   * back, so a failed request leaves no trace of its key.
   *
   * @throws InvalidIdempotencyKeyException when the key is not acceptable
   * @throws IdempotencyKeyTakenException when a concurrent request with the key won
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public IdempotencyDecision claimInCallersTransaction(
      String apiClientId, String key, RequestFingerprint fingerprint) {
    return decide(apiClientId, key, fingerprint);
  }

  /**
   * Stores the response to the request that claimed a key in the caller's transaction ({@link
   * IdempotencyDecision.Proceed#requestId}): the record is already in this persistence context, so
   * this reads nothing from the database.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void completeInCallersTransaction(String requestId, StoredResponse response) {
    IdempotentRequest request = entityManager.find(IdempotentRequest.class, requestId);
    if (request == null) {
      throw new IllegalStateException(
          "idempotency record " + requestId + " is not in this transaction");
    }
    request.complete(response);
  }

  /**
   * Claims a key and stores its response at once: for a request whose own transaction rolled back
   * with an answer that is to be replayed (a 4xx). Nothing is stored when the key was claimed in
   * the meantime.
   */
  public void claimAnswered(
      String apiClientId, String key, RequestFingerprint fingerprint, StoredResponse response) {
    try {
      if (decide(apiClientId, key, fingerprint) instanceof IdempotencyDecision.Proceed proceed) {
        completeInCallersTransaction(proceed.requestId(), response);
      }
    } catch (IdempotencyKeyTakenException concurrentClaim) {
      // Another request with the key is being answered; its answer will be the one stored.
      return;
    }
  }

  private IdempotencyDecision decide(
      String apiClientId, String key, RequestFingerprint fingerprint) {
    Instant now = clock.instant();
    Optional<IdempotentRequest> existing = find(apiClientId, IdempotencyKey.check(key));
    if (existing.isPresent() && !existing.get().hasExpired(now)) {
      return existing.get().decide(fingerprint);
    }
    existing.ifPresent(entityManager::remove);
    try {
      IdempotentRequest claimed = IdempotentRequest.begin(apiClientId, key, fingerprint, now);
      entityManager.persist(claimed);
      entityManager.flush();
      return new IdempotencyDecision.Proceed(claimed.id());
    } catch (PersistenceException concurrentClaim) {
      // The unique (client, key) constraint: a concurrent first request claimed it a moment ago.
      throw new IdempotencyKeyTakenException(concurrentClaim);
    }
  }

  /** Stores the response to the request that claimed {@code key}. */
  public void complete(String apiClientId, String key, StoredResponse response) {
    find(apiClientId, key)
        .filter(request -> request.response().isEmpty())
        .ifPresent(request -> request.complete(response));
  }

  /** Forgets an unanswered claim (the request failed on the server): the client may retry. */
  public void release(String apiClientId, String key) {
    find(apiClientId, key)
        .filter(request -> request.response().isEmpty())
        .ifPresent(entityManager::remove);
  }

  @Schedule(minute = "17", hour = "*", persistent = false)
  void purgeExpired() {
    entityManager
        .createQuery("DELETE FROM IdempotentRequest r WHERE r.createdAt <= :cutoff")
        .setParameter("cutoff", clock.instant().minus(IdempotentRequest.LIFETIME))
        .executeUpdate();
  }

  private Optional<IdempotentRequest> find(String apiClientId, String key) {
    List<IdempotentRequest> found =
        entityManager
            .createQuery(
                "SELECT r FROM IdempotentRequest r WHERE r.apiClientId = :client AND r.key = :key",
                IdempotentRequest.class)
            .setParameter("client", apiClientId)
            .setParameter("key", key)
            .getResultList();
    return found.stream().findFirst();
  }
}
