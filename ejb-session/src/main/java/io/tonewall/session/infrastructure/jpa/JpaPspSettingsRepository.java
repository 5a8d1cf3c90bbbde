package io.tonewall.session.infrastructure.jpa;

import io.tonewall.session.domain.PspSettings;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Stores and finds the session-side settings of PSP configurations. */
@Stateless
public class JpaPspSettingsRepository {

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  public void add(PspSettings settings) {
    entityManager.persist(settings);
  }

  /** Every configuration's settings, by id. */
  public List<PspSettings> list() {
    return entityManager
        .createQuery("SELECT s FROM PspSettings s ORDER BY s.configurationId", PspSettings.class)
        .getResultList();
  }

  public Optional<PspSettings> find(String configurationId) {
    return Optional.ofNullable(entityManager.find(PspSettings.class, configurationId));
  }
}
