package io.tonewall.session.application;

import io.tonewall.session.domain.InvalidSessionInputException;
import io.tonewall.session.domain.PspSettings;
import io.tonewall.session.infrastructure.jpa.JpaPspSettingsRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The PSP configurations sessions may use, with their stored settings: what integrators and the
 * console list, what a new session is checked against, what administrators change.
 */
@Stateless
public class PspConfigurations {

  private static final Logger LOG = Logger.getLogger(PspConfigurations.class.getName());

  @EJB private JpaPspSettingsRepository repository;

  @EJB private PspSettingsSync sync;

  @Inject private Clock clock;

  /** Every configuration's settings, by id. */
  public List<PspSettingsView> list() {
    return repository.list().stream().map(PspSettingsView::of).toList();
  }

  /**
   * The settings of a configuration a new session may use.
   *
   * @throws InvalidSessionInputException when it is unknown, no longer offered or disabled
   */
  public PspSettingsView usable(String configuration) {
    PspSettings settings = stored(configuration);
    settings.requireUsable();
    return PspSettingsView.of(settings);
  }

  /**
   * An administrator enables or disables a configuration and sets its surcharge.
   *
   * @throws InvalidSessionInputException when it is unknown or the surcharge is out of range
   */
  public PspSettingsView change(
      String configuration, boolean enabled, int surchargeBasisPoints, String changedBy) {
    PspSettings settings = stored(configuration);
    settings.change(enabled, surchargeBasisPoints, clock.instant());
    LOG.info(
        () ->
            "PSP configuration "
                + configuration
                + " changed by "
                + changedBy
                + ": enabled="
                + enabled
                + " surcharge="
                + surchargeBasisPoints
                + " bp");
    return PspSettingsView.of(settings);
  }

  private PspSettings stored(String configuration) {
    Optional<PspSettings> found = repository.find(configuration);
    if (found.isEmpty()) {
      sync.synchronise();
      found = repository.find(configuration);
    }
    return found.orElseThrow(
        () ->
            new InvalidSessionInputException(
                "unknown PSP configuration: GET /api/v1/psp-configurations lists the ones offered"));
  }
}
