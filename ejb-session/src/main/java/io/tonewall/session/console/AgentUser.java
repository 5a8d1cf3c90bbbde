package io.tonewall.session.console;

import io.tonewall.session.domain.SecretHash;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A user of the agent console, signed in by name and password. */
@Entity
@Table(name = "agent_user")
public class AgentUser {

  /** Shortest password accepted. */
  public static final int MIN_PASSWORD_LENGTH = 10;

  @Id
  @Column(name = "user_name", nullable = false, updatable = false, length = 64)
  private String userName;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "roles", nullable = false)
  private String roles;

  @Column(name = "current_session_id")
  private String currentSessionId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected AgentUser() {
    // for JPA
  }

  /**
   * A new user. The password is hashed here and never stored.
   *
   * @param userName 3-64 letters, digits, dot, underscore, hyphen or {@code @}
   * @param password at least {@value #MIN_PASSWORD_LENGTH} characters; the caller wipes it
   * @param roles at least one
   * @throws IllegalArgumentException when a value is not acceptable (never repeating the password)
   */
  public static AgentUser register(
      String userName, char[] password, Set<ConsoleRole> roles, Instant now) {
    if (userName == null || !userName.matches("[A-Za-z0-9._@-]{3,64}")) {
      throw new IllegalArgumentException(
          "user name must be 3-64 letters, digits, '.', '_', '-' or '@'");
    }
    AgentUser user = new AgentUser();
    user.userName = userName;
    user.passwordHash = hash(password).encoded();
    user.roles = encode(roles);
    user.createdAt = Objects.requireNonNull(now, "now");
    return user;
  }

  /** True when {@code password} is this user's. */
  public boolean authenticates(char[] password) {
    return SecretHash.parse(passwordHash).matches(password);
  }

  /** Replaces the password (the caller wipes the array). */
  public void changePassword(char[] password) {
    passwordHash = hash(password).encoded();
  }

  /** Replaces the roles. */
  public void changeRoles(Set<ConsoleRole> newRoles) {
    roles = encode(newRoles);
  }

  /** Records the payment session this agent works on, or none. */
  public void workOn(Optional<UUID> session) {
    currentSessionId = session.map(UUID::toString).orElse(null);
  }

  public String userName() {
    return userName;
  }

  public Set<ConsoleRole> roles() {
    return Arrays.stream(roles.split(" "))
        .map(ConsoleRole::of)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsoleRole.class)));
  }

  public Optional<UUID> currentSession() {
    return Optional.ofNullable(currentSessionId).map(UUID::fromString);
  }

  public Instant createdAt() {
    return createdAt;
  }

  private static SecretHash hash(char[] password) {
    if (password == null || password.length < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "password must be at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    return SecretHash.of(password);
  }

  private static String encode(Set<ConsoleRole> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("a user needs at least one role");
    }
    return EnumSet.copyOf(roles).stream()
        .map(ConsoleRole::roleName)
        .collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return "AgentUser[" + userName + ", roles=" + roles + "]";
  }
}
