package io.tonewall.session.console;

import io.tonewall.session.domain.SecretHash;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The console's users: checking a password, the session an agent works on, and administration. */
@Stateless
public class ConsoleUsers {

  /** Compared against when the name is unknown, so that timing does not reveal user names. */
  private static final SecretHash UNKNOWN_USER = unknownUserHash();

  @PersistenceContext(unitName = "tonewall")
  private EntityManager entityManager;

  @Inject private Clock clock;

  /**
   * The user's roles when the password is right; empty for an unknown name or a wrong password (the
   * same work either way).
   */
  public Optional<Set<ConsoleRole>> authenticate(String userName, char[] password) {
    AgentUser user = userName == null ? null : entityManager.find(AgentUser.class, userName);
    if (user == null) {
      UNKNOWN_USER.matches(password);
      return Optional.empty();
    }
    return user.authenticates(password) ? Optional.of(user.roles()) : Optional.empty();
  }

  /** Every user, by name. */
  public List<UserSummary> list() {
    return entityManager
        .createQuery("SELECT u FROM AgentUser u ORDER BY u.userName", AgentUser.class)
        .getResultList()
        .stream()
        .map(UserSummary::of)
        .toList();
  }

  public Optional<UserSummary> find(String userName) {
    return Optional.ofNullable(entityManager.find(AgentUser.class, userName)).map(UserSummary::of);
  }

  /**
   * Adds a user.
   *
   * @throws IllegalArgumentException when the name is taken or a value is not acceptable
   */
  public UserSummary create(String userName, char[] password, Set<ConsoleRole> roles) {
    if (userName != null && entityManager.find(AgentUser.class, userName) != null) {
      throw new IllegalArgumentException("a user with this name exists");
    }
    AgentUser user = AgentUser.register(userName, password, roles, clock.instant());
    entityManager.persist(user);
    return UserSummary.of(user);
  }

  /** Replaces a user's roles. */
  public UserSummary changeRoles(String userName, Set<ConsoleRole> roles) {
    AgentUser user = require(userName);
    user.changeRoles(roles);
    return UserSummary.of(user);
  }

  /** Replaces a user's password. */
  public void changePassword(String userName, char[] password) {
    require(userName).changePassword(password);
  }

  /** Removes a user. */
  public void delete(String userName) {
    entityManager.remove(require(userName));
  }

  /** Records the payment session an agent works on (empty: none). */
  public void workOn(String userName, Optional<UUID> session) {
    require(userName).workOn(session);
  }

  /** The agent working on a session, if any. */
  public Optional<String> agentOn(UUID session) {
    return entityManager
        .createQuery(
            "SELECT u.userName FROM AgentUser u WHERE u.currentSessionId = :id", String.class)
        .setParameter("id", session.toString())
        .getResultStream()
        .findFirst();
  }

  /** The payment session the agent works on, if any. */
  public Optional<UUID> currentSession(String userName) {
    return Optional.ofNullable(entityManager.find(AgentUser.class, userName))
        .flatMap(AgentUser::currentSession);
  }

  private AgentUser require(String userName) {
    AgentUser user = entityManager.find(AgentUser.class, userName);
    if (user == null) {
      throw new IllegalArgumentException("no user with this name");
    }
    return user;
  }

  private static SecretHash unknownUserHash() {
    char[] random = new char[32];
    SecureRandom generator = new SecureRandom();
    for (int i = 0; i < random.length; i++) {
      random[i] = (char) ('a' + generator.nextInt(26));
    }
    return SecretHash.of(random);
  }
}
