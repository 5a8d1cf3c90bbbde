package io.tonewall.session.application;

import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.session.domain.PspSettings;
import io.tonewall.session.infrastructure.jca.PspGateway;
import io.tonewall.session.infrastructure.jpa.JpaPspSettingsRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Keeps the stored PSP settings in step with the configurations the PSP adapter offers: at
 * start-up, and again when a session names a configuration not stored yet. A configuration seen for
 * the first time is stored enabled, with the surcharge of {@code tonewall.surcharge.<id>} (basis
 * points, default 0) as its initial value; one the adapter no longer offers is kept and marked
 * unavailable. Runs one caller at a time and commits on its own, so two first sessions on a new
 * configuration cannot both insert it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class PspSettingsSync {

  private static final Logger LOG = Logger.getLogger(PspSettingsSync.class.getName());

  @EJB private PspGateway psp;

  @EJB private JpaPspSettingsRepository repository;

  @Inject private Config config;

  @Inject private Clock clock;

  @PostConstruct
  void atStartUp() {
    try {
      synchronise();
    } catch (RuntimeException e) {
      // Not fatal: sessions synchronise again when they need a configuration; readiness reports
      // the PSP adapter's state.
      LOG.log(
          Level.WARNING,
          "PSP settings not synchronised with the PSP adapter at start-up; retried on first use",
          e);
    }
  }

  /** Stores settings for every configuration the adapter offers; marks the others unavailable. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void synchronise() {
    Map<String, String> offered =
        psp.configurations().stream()
            .collect(
                Collectors.toMap(
                    PspConfigurationSummary::id, PspConfigurationSummary::provider, (a, b) -> a));
    Instant now = clock.instant();
    Map<String, PspSettings> stored =
        repository.list().stream()
            .collect(Collectors.toMap(PspSettings::configurationId, Function.identity()));
    for (PspSettings settings : stored.values()) {
      String provider = offered.getOrDefault(settings.configurationId(), settings.provider());
      settings.offeredByAdapter(offered.containsKey(settings.configurationId()), provider, now);
    }
    List<String> added =
        offered.keySet().stream().filter(id -> !stored.containsKey(id)).sorted().toList();
    for (String id : added) {
      repository.add(PspSettings.discovered(id, offered.get(id), initialSurcharge(id), now));
    }
    if (!added.isEmpty()) {
      LOG.info(() -> "PSP settings stored for new configurations " + added);
    }
  }

  private int initialSurcharge(String configuration) {
    return config.getOptionalValue("tonewall.surcharge." + configuration, Integer.class).orElse(0);
  }
}
