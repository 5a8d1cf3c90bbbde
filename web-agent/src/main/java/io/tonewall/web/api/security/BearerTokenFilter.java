package io.tonewall.web.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.logging.Logger;

/**
 * Authenticates API calls by their {@code Authorization: Bearer} token: a valid token makes its
 * client the request's principal and its scopes the roles; an invalid one is answered 401 at once;
 * no token leaves the call anonymous (refused by {@link RolesAllowedFeature} where a scope is
 * needed). Kept in JAX-RS rather than Jakarta Security, whose one authentication mechanism per
 * module is the console's sign-in form.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class.getName());
  private static final String BEARER = "Bearer ";

  @Inject private BearerTokenVerifier verifier;

  @Inject private ApiCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return;
    }
    TokenCaller verified;
    try {
      verified = verifier.verify(authorization.substring(BEARER.length()).strip());
    } catch (InvalidTokenException e) {
      LOG.fine(() -> "access token refused: " + e.getMessage());
      request.abortWith(AccessProblems.unauthorized());
      return;
    }
    caller.verified(verified);
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(new TokenSecurityContext(verified, secure));
  }

  /** The security context of a verified token: its scopes are the roles. */
  private record TokenSecurityContext(TokenCaller caller, boolean secure)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.scopes().contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
