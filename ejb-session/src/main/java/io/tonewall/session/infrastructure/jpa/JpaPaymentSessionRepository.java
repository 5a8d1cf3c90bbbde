package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.PaymentSession;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Stores and finds payment sessions. */
@Stateless
public class JpaPaymentSessionRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(PaymentSession session) {
    entityManager.persist(session);
  }

  public Optional<PaymentSession> find(UUID id) {
    return Optional.ofNullable(entityManager.find(PaymentSession.class, id.toString()));
  }

  /** True when the database answers a trivial query. */
  public boolean databaseAnswers() {
    Object answer = entityManager.createNativeQuery("SELECT 1").getSingleResult();
    return answer instanceof Number number && number.intValue() == 1;
  }
}
