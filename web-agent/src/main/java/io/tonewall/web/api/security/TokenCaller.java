package io.tonewall.web.api.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * The API client of a verified access token, and the scopes it was granted.
 *
 * @param clientId the token's subject
 * @param scopes the granted scopes: the roles {@code @RolesAllowed} checks
 */
public record TokenCaller(String clientId, Set<String> scopes) implements Principal {

  public TokenCaller {
    Objects.requireNonNull(clientId, "clientId");
    scopes = Set.copyOf(scopes);
  }

  @Override
  public String getName() {
    return clientId;
  }
}
