package io.tonewall.session.console;

import io.tonewall.session.access.BootstrapCredential;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the console administrator named by {@code TONEWALL_BOOTSTRAP_ADMIN} ({@code
 * user:password}, MicroProfile Config {@code tonewall.bootstrap.admin}) at start-up when no user
 * has that name; the user gets every role. An existing user is left as it is. A malformed value
 * stops the deployment with a message that never repeats the password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class BootstrapAdministrator {

  private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class.getName());

  @Inject
  @ConfigProperty(name = "tonewall.bootstrap.admin")
  private Optional<String> credentials;

  @EJB private ConsoleUsers users;

  @PostConstruct
  void createWhenAbsent() {
    if (credentials.isEmpty() || credentials.get().isBlank()) {
      return;
    }
    BootstrapCredential credential =
        BootstrapCredential.nameAndSecret(
            "TONEWALL_BOOTSTRAP_ADMIN",
            "user:password (a name, a colon, a password)",
            credentials.get());
    try {
      String userName = credential.name();
      if (users.find(userName).isPresent()) {
        LOG.info(() -> "Bootstrap console administrator " + userName + " exists; left unchanged");
        return;
      }
      users.create(userName, credential.secret(), EnumSet.allOf(ConsoleRole.class));
      LOG.info(() -> "Bootstrap console administrator " + userName + " created with every role");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TONEWALL_BOOTSTRAP_ADMIN: " + e.getMessage(), e);
    } finally {
      credential.wipe();
    }
  }
}
