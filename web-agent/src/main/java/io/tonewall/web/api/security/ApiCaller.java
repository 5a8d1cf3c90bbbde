package io.tonewall.web.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.Optional;

/**
 * The API client calling in this request: the subject of its verified access token, set by {@link
 * BearerTokenFilter}.
 */
@RequestScoped
public class ApiCaller {

  private TokenCaller caller;

  void verified(TokenCaller verified) {
    this.caller = verified;
  }

  /** The verified caller, if the request carried a valid token. */
  public Optional<TokenCaller> caller() {
    return Optional.ofNullable(caller);
  }

  /**
   * The client id.
   *
   * @throws NotAuthorizedException when the request carries no verified token
   */
  public String clientId() {
    if (caller == null) {
      throw new NotAuthorizedException("an access token is required", AccessProblems.BEARER);
    }
    return caller.clientId();
  }
}
