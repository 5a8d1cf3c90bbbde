package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.ApiClient;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Stores and finds API clients. */
@Stateless
public class JpaApiClientRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(ApiClient client) {
    entityManager.persist(client);
  }

  /** Every client, by id. */
  public List<ApiClient> list() {
    return entityManager
        .createQuery("SELECT c FROM ApiClient c ORDER BY c.clientId", ApiClient.class)
        .getResultList();
  }

  public Optional<ApiClient> find(String clientId) {
    return Optional.ofNullable(entityManager.find(ApiClient.class, clientId));
  }
}
