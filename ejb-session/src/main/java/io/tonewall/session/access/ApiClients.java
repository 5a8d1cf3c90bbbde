package io.tonewall.session.access;

import io.tonewall.session.domain.ApiClient;
import io.tonewall.session.infrastructure.jpa.JpaApiClientRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * API clients as administrators manage them from the console: listed (never with secrets), created
 * and given a fresh secret. A secret is generated here, stored only as a hash, and returned once.
 */
@Stateless
public class ApiClients {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int SECRET_LENGTH = 40;
  private static final SecureRandom RANDOM = new SecureRandom();

  @EJB private JpaApiClientRepository clients;

  @Inject private Clock clock;

  /** Every client, by id. */
  public List<Summary> list() {
    return clients.list().stream().map(Summary::of).toList();
  }

  /**
   * Registers a client with a generated secret.
   *
   * @return the secret, to be shown once
   * @throws IllegalArgumentException when the id is taken or not acceptable, or a scope unknown
   */
  public String create(String clientId, Set<String> scopes) {
    if (clientId != null && clients.find(clientId).isPresent()) {
      throw new IllegalArgumentException("an API client with this id exists");
    }
    char[] secret = newSecret();
    clients.add(ApiClient.register(clientId, secret, scopes, clock.instant()));
    return new String(secret);
  }

  /**
   * Gives a client a new generated secret; the old one stops working.
   *
   * @return the new secret, to be shown once
   * @throws IllegalArgumentException when no client has this id
   */
  public String rotateSecret(String clientId) {
    ApiClient client =
        clients
            .find(clientId)
            .orElseThrow(() -> new IllegalArgumentException("no API client with this id"));
    char[] secret = newSecret();
    client.rotateSecret(secret);
    return new String(secret);
  }

  private static char[] newSecret() {
    char[] secret = new char[SECRET_LENGTH];
    for (int i = 0; i < secret.length; i++) {
      secret[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return secret;
  }

  /**
   * An API client without its secret.
   *
   * @param clientId the id
   * @param scopes its scopes, sorted
   * @param createdAt when it was registered
   */
  public record Summary(String clientId, List<String> scopes, Instant createdAt)
      implements Serializable {

    private static final long serialVersionUID = 1L;

    static Summary of(ApiClient client) {
      return new Summary(
          client.clientId(), List.copyOf(new TreeSet<>(client.scopes())), client.createdAt());
    }
  }
}
