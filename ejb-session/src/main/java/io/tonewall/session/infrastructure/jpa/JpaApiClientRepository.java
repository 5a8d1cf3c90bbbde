package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.ApiClient;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Stores and finds API clients. */
@Stateless
public class JpaApiClientRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(ApiClient client) {
    entityManager.persist(client);
  }

  public Optional<ApiClient> find(String clientId) {
    return Optional.ofNullable(entityManager.find(ApiClient.class, clientId));
  }
}
