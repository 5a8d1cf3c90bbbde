package io.tonewall.web.console.security;

import io.tonewall.session.console.ConsoleRole;
import io.tonewall.session.console.ConsoleUsers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks console users' names and passwords against the database; their roles become the caller's
 * groups. Before checking, waits as long as {@link SignInAttempts} says for that name.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {

  @EJB private ConsoleUsers users;

  @Inject private SignInAttempts attempts;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String userName = credential.getCaller();
    pause(attempts.delayFor(userName));
    Optional<Set<ConsoleRole>> roles;
    try {
      roles = users.authenticate(userName, credential.getPassword().getValue());
    } finally {
      credential.getPassword().clear();
    }
    if (roles.isEmpty()) {
      attempts.failed(userName);
      return CredentialValidationResult.INVALID_RESULT;
    }
    attempts.succeeded(userName);
    return new CredentialValidationResult(
        userName, roles.get().stream().map(ConsoleRole::roleName).collect(Collectors.toSet()));
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while delaying a sign-in", e);
    }
  }
}
