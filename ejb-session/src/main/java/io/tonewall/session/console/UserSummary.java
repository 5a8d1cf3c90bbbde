package io.tonewall.session.console;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A console user as the administration pages show it (never the password hash).
 *
 * @param userName the name
 * @param roles the roles
 * @param currentSession the payment session an agent works on, if any
 * @param createdAt when the user was added
 */
public record UserSummary(
    String userName, Set<ConsoleRole> roles, Optional<UUID> currentSession, Instant createdAt)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  static UserSummary of(AgentUser user) {
    return new UserSummary(
        user.userName(), Set.copyOf(user.roles()), user.currentSession(), user.createdAt());
  }
}
