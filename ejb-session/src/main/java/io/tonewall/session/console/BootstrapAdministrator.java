package io.tonewall.session.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Arrays;
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
    String value = credentials.get().strip();
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "TONEWALL_BOOTSTRAP_ADMIN must be user:password (a name, a colon, a password)");
    }
    String userName = value.substring(0, colon);
    if (users.find(userName).isPresent()) {
      LOG.info(() -> "Bootstrap console administrator " + userName + " exists; left unchanged");
      return;
    }
    char[] password = value.substring(colon + 1).toCharArray();
    try {
      users.create(userName, password, EnumSet.allOf(ConsoleRole.class));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TONEWALL_BOOTSTRAP_ADMIN: " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
    LOG.info(() -> "Bootstrap console administrator " + userName + " created with every role");
  }
}
