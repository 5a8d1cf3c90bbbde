package io.tonewall.session.application;

import io.tonewall.session.access.BootstrapCredential;
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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For development: creates the API client named by {@code TONEWALL_BOOTSTRAP_CLIENT} ({@code
 * id:secret}, MicroProfile Config key {@code tonewall.bootstrap.client}) at start-up when no client
 * has that id. An existing client is left as it is. A malformed value stops the deployment with a
 * message that names the problem but never repeats the secret.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BootstrapClient {

  private static final Logger LOG = Logger.getLogger(BootstrapClient.class.getName());

  @Inject
  @ConfigProperty(name = "tonewall.bootstrap.client")
  private Optional<String> credentials;

  @EJB private JpaApiClientRepository clients;

  @Inject private Clock clock;

  @PostConstruct
  void createWhenAbsent() {
    if (credentials.isEmpty() || credentials.get().isBlank()) {
      return;
    }
    BootstrapCredential credential =
        BootstrapCredential.nameAndSecret(
            "TONEWALL_BOOTSTRAP_CLIENT", "id:secret (an id, a colon, a secret)", credentials.get());
    try {
      String clientId = credential.name();
      if (clients.find(clientId).isPresent()) {
        LOG.info(() -> "Bootstrap API client " + clientId + " exists; left unchanged");
        return;
      }
      clients.add(
          ApiClient.register(clientId, credential.secret(), ApiClient.ALL_SCOPES, clock.instant()));
      LOG.info(() -> "Bootstrap API client " + clientId + " created with every scope");
    } finally {
      credential.wipe();
    }
  }
}
