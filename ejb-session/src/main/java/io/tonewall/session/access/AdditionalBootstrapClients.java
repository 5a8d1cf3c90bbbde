package io.tonewall.session.access;

import io.tonewall.session.domain.ApiClient;
import io.tonewall.session.infrastructure.jpa.JpaApiClientRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For development and tests: creates the API clients listed in {@code TONEWALL_BOOTSTRAP_CLIENTS}
 * (MicroProfile Config {@code tonewall.bootstrap.clients}) at start-up when absent. The value is a
 * comma-separated list of {@code id:secret:scope+scope}; the secret cannot contain {@code :}; the
 * scopes are optional (every scope when left out). Existing clients are left as they are. A
 * malformed entry stops the deployment with a message that never repeats a secret.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class AdditionalBootstrapClients {

  private static final Logger LOG = Logger.getLogger(AdditionalBootstrapClients.class.getName());

  @Inject
  @ConfigProperty(name = "tonewall.bootstrap.clients")
  private Optional<String> clientList;

  @EJB private JpaApiClientRepository clients;

  @Inject private Clock clock;

  @PostConstruct
  void createWhenAbsent() {
    if (clientList.isEmpty() || clientList.get().isBlank()) {
      return;
    }
    for (String entry : clientList.get().split(",")) {
      create(entry.strip());
    }
  }

  private void create(String entry) {
    BootstrapCredential credential =
        BootstrapCredential.withScopes("TONEWALL_BOOTSTRAP_CLIENTS", entry);
    try {
      String clientId = credential.name();
      if (clients.find(clientId).isPresent()) {
        LOG.info(() -> "Bootstrap API client " + clientId + " exists; left unchanged");
        return;
      }
      Set<String> scopes = credential.scopes().orElse(ApiClient.ALL_SCOPES);
      clients.add(ApiClient.register(clientId, credential.secret(), scopes, clock.instant()));
      LOG.info(() -> "Bootstrap API client " + clientId + " created with scopes " + scopes);
    } finally {
      credential.wipe();
    }
  }
}
