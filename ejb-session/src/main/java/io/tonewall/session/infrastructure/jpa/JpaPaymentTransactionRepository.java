package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.PaymentTransaction;
import io.tonewall.session.domain.TransactionType;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores and finds payment transactions. */
@Stateless
public class JpaPaymentTransactionRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(PaymentTransaction transaction) {
    entityManager.persist(transaction);
  }

  public Optional<PaymentTransaction> find(UUID id) {
    return Optional.ofNullable(entityManager.find(PaymentTransaction.class, id.toString()));
  }

  /** The transaction requested with this idempotency key (a refund's is its merchant reference). */
  public Optional<PaymentTransaction> byIdempotencyKey(String key) {
    return entityManager
        .createQuery(
            "SELECT t FROM PaymentTransaction t WHERE t.idempotencyKey = :key",
            PaymentTransaction.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /** A session's transactions, oldest first. */
  public List<PaymentTransaction> ofSession(UUID sessionId) {
    return entityManager
        .createQuery(
            "SELECT t FROM PaymentTransaction t WHERE t.sessionId = :session"
                + " ORDER BY t.createdAt, t.id",
            PaymentTransaction.class)
        .setParameter("session", sessionId.toString())
        .getResultList();
  }

  /** The transactions taken on any of these calls, oldest first. */
  public List<PaymentTransaction> ofCalls(Collection<String> callReferences) {
    if (callReferences.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "SELECT t FROM PaymentTransaction t WHERE t.callReference IN :calls"
                + " ORDER BY t.createdAt, t.id",
            PaymentTransaction.class)
        .setParameter("calls", callReferences)
        .getResultList();
  }

  /**
   * Transactions of one API client's sessions taken on any of these calls, oldest first: at most
   * {@code limit} after the first {@code offset}.
   */
  public List<PaymentTransaction> ofCalls(
      Collection<String> callReferences, String apiClientId, int offset, int limit) {
    if (callReferences.isEmpty()) {
      return List.of();
    }
    return entityManager
        .createQuery(
            "SELECT t FROM PaymentTransaction t, PaymentSession s WHERE s.id = t.sessionId"
                + " AND s.apiClientId = :client AND t.callReference IN :calls"
                + " ORDER BY t.createdAt, t.id",
            PaymentTransaction.class)
        .setParameter("calls", callReferences)
        .setParameter("client", apiClientId)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Ids of refunds still {@code SCHEDULED} and checked automatically that are due at {@code now}:
   * never checked and made before {@code firstCheckBefore}, or checked and due again; oldest first.
   */
  public List<UUID> refundsDueForSettlement(Instant now, Instant firstCheckBefore, int max) {
    return entityManager
        .createQuery(
            "SELECT t.id FROM PaymentTransaction t WHERE t.outcome = :scheduled"
                + " AND t.type = :refund AND t.reconciliationRequiredAt IS NULL"
                + " AND ((t.nextSettleCheck IS NULL AND t.createdAt <= :firstCheckBefore)"
                + " OR t.nextSettleCheck <= :now) ORDER BY t.createdAt",
            String.class)
        .setParameter("scheduled", Outcome.SCHEDULED)
        .setParameter("refund", TransactionType.REFUND)
        .setParameter("firstCheckBefore", firstCheckBefore)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UUID::fromString)
        .toList();
  }

  /** Ids of transactions whose outcome is still unknown, made before {@code before}. */
  public List<UUID> unknownBefore(Instant before, int max) {
    return entityManager
        .createQuery(
            "SELECT t.id FROM PaymentTransaction t WHERE t.outcome = :unknown"
                + " AND t.createdAt <= :before ORDER BY t.createdAt",
            String.class)
        .setParameter("unknown", Outcome.UNKNOWN)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UUID::fromString)
        .toList();
  }

  /** How many refunds of a transaction were recorded (for their idempotency keys). */
  public long refundsOf(UUID transactionId) {
    return entityManager
        .createQuery(
            "SELECT COUNT(t) FROM PaymentTransaction t WHERE t.refundOf = :original", Long.class)
        .setParameter("original", transactionId.toString())
        .getSingleResult();
  }
}
