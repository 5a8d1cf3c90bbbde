package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.SessionStatus;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores and finds payment sessions. */
@Stateless
public class JpaPaymentSessionRepository {

  private static final List<SessionState> ENDED =
      List.of(
          SessionState.CANCELLED, SessionState.TIMED_OUT, SessionState.EXPIRED, SessionState.ENDED);

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(PaymentSession session) {
    entityManager.persist(session);
  }

  public Optional<PaymentSession> find(UUID id) {
    return Optional.ofNullable(entityManager.find(PaymentSession.class, id.toString()));
  }

  /**
   * One page of sessions, newest first, optionally of one status and one API client.
   *
   * @param page from 0
   * @param size 1 to 100
   */
  public List<PaymentSession> page(
      int page, int size, Optional<SessionStatus> status, Optional<String> apiClientId) {
    TypedQuery<PaymentSession> query =
        entityManager.createQuery(
            "SELECT s FROM PaymentSession s WHERE (:anyStatus = TRUE OR s.status = :status)"
                + " AND (:anyClient = TRUE OR s.apiClientId = :client)"
                + " ORDER BY s.createdAt DESC, s.id",
            PaymentSession.class);
    bindFilters(query, status, apiClientId);
    return query.setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList();
  }

  /** How many sessions match the filters of {@link #page}. */
  public long count(Optional<SessionStatus> status, Optional<String> apiClientId) {
    TypedQuery<Long> query =
        entityManager.createQuery(
            "SELECT COUNT(s) FROM PaymentSession s WHERE (:anyStatus = TRUE OR s.status = :status)"
                + " AND (:anyClient = TRUE OR s.apiClientId = :client)",
            Long.class);
    bindFilters(query, status, apiClientId);
    return query.getSingleResult();
  }

  private static void bindFilters(
      TypedQuery<?> query, Optional<SessionStatus> status, Optional<String> apiClientId) {
    query
        .setParameter("anyStatus", status.isEmpty())
        .setParameter("status", status.orElse(SessionStatus.INITIAL))
        .setParameter("anyClient", apiClientId.isEmpty())
        .setParameter("client", apiClientId.orElse(""));
  }

  /**
   * Ids of sessions that have not ended and show no activity since {@code idleSince} (the oldest
   * first), and pay-by-link sessions whose link has expired: candidates for the timeout. Each
   * decides for itself with its own timeout.
   */
  public List<UUID> idleSince(Instant idleSince, Instant now, int max) {
    return entityManager
        .createQuery(
            "SELECT s.id FROM PaymentSession s WHERE s.state NOT IN :ended"
                + " AND ((s.lastActivityAt <= :since"
                + " AND (s.mode <> :digital OR s.state <> :created)) OR s.expiresAt <= :now)"
                + " ORDER BY s.lastActivityAt",
            String.class)
        .setParameter("ended", ENDED)
        .setParameter("since", idleSince)
        .setParameter("digital", SessionMode.DIGITAL)
        .setParameter("created", SessionState.CREATED)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList()
        .stream()
        .map(UUID::fromString)
        .toList();
  }

  /** Ids of one API client's sessions on a call that have not ended. */
  public List<UUID> openOnCall(String callReference, String apiClientId) {
    return entityManager
        .createQuery(
            "SELECT s.id FROM PaymentSession s WHERE s.callReference = :call"
                + " AND s.apiClientId = :client AND s.state NOT IN :ended",
            String.class)
        .setParameter("call", callReference)
        .setParameter("client", apiClientId)
        .setParameter("ended", ENDED)
        .getResultList()
        .stream()
        .map(UUID::fromString)
        .toList();
  }

  /** True when one of the API client's sessions, ended or not, is on the call. */
  public boolean anyOnCall(String callReference, String apiClientId) {
    return !entityManager
        .createQuery(
            "SELECT s.id FROM PaymentSession s WHERE s.callReference = :call"
                + " AND s.apiClientId = :client",
            String.class)
        .setParameter("call", callReference)
        .setParameter("client", apiClientId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** True when the database answers a trivial query. */
  public boolean databaseAnswers() {
    Object answer = entityManager.createNativeQuery("SELECT 1").getSingleResult();
    return answer instanceof Number number && number.intValue() == 1;
  }
}
