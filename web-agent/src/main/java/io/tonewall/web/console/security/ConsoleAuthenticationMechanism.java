package io.tonewall.web.console.security;

import io.tonewall.web.api.security.BearerTokenVerifier;
import io.tonewall.web.api.security.InvalidTokenException;
import io.tonewall.web.api.security.TokenCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The WAR's one Jakarta Security mechanism: form sign-in for {@code /console/*}; for {@code /api/*}
 * a valid bearer token makes its client the container's caller (see {@link #bearer}); nothing for
 * any other path. The sign-in page hands the name and password over with {@code
 * SecurityContext.authenticate}; the caller then stays signed in for the HTTP session ({@link
 * SignedInCaller}; not {@code @AutoApplySession}, which would give every API call an HTTP session).
 * A protected page asked for without a signed-in caller is redirected to the sign-in page, as a
 * Faces partial-response redirect for Ajax requests, so that a page whose HTTP session expired goes
 * back to sign-in on its next click.
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** The sign-in page, relative to the context root. */
  public static final String SIGN_IN_PAGE = "/console/signin.xhtml";

  @Inject private IdentityStoreHandler identityStores;

  @Inject private BearerTokenVerifier tokens;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      return bearer(request, context);
    }
    if (!path.startsWith("/console/")) {
      return context.doNothing();
    }
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential != null) {
      CredentialValidationResult result = identityStores.validate(credential);
      if (result.getStatus() == CredentialValidationResult.Status.VALID) {
        request
            .getSession(true)
            .setAttribute(
                SignedInCaller.ATTRIBUTE,
                new SignedInCaller(
                    result.getCallerPrincipal().getName(), result.getCallerGroups()));
      }
      return context.notifyContainerAboutLogin(result);
    }
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedInCaller.ATTRIBUTE) instanceof SignedInCaller caller) {
      return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    redirectToSignIn(request, response);
    return AuthenticationStatus.SEND_CONTINUE;
  }

  /**
   * An API call with a valid bearer token runs as its client at the container level too (scopes as
   * groups), as it did under MicroProfile JWT, so that the server never takes it for an anonymous
   * caller to be authenticated. JAX-RS still decides with {@code BearerTokenFilter}, which also
   * answers a bad token; without a valid token nothing is done here.
   */
  private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return context.doNothing();
    }
    try {
      TokenCaller caller = tokens.verify(authorization.substring(7).strip());
      return context.notifyContainerAboutLogin(caller.clientId(), caller.scopes());
    } catch (InvalidTokenException e) {
      return context.doNothing();
    }
  }

  /**
   * Sends the browser to sign in; {@code expired=true} (a notice on the sign-in page) when the
   * request came from a console page (Ajax) or with a session id the server no longer knows.
   */
  private static void redirectToSignIn(HttpServletRequest request, HttpServletResponse response) {
    boolean ajax = "partial/ajax".equals(request.getHeader("Faces-Request"));
    boolean expired = ajax || request.getRequestedSessionId() != null;
    String target = request.getContextPath() + SIGN_IN_PAGE + (expired ? "?expired=true" : "");
    try {
      if (ajax) {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target
                    + "\"/></partial-response>");
      } else {
        response.sendRedirect(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot redirect to the sign-in page", e);
    }
  }
}
