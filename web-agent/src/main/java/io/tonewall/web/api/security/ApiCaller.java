package io.tonewall.web.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The API client calling in this request: the subject of its verified access token. */
@RequestScoped
public class ApiCaller {

  @Inject private JsonWebToken token;

  /**
   * The client id.
   *
   * @throws NotAuthorizedException when the request carries no verified token
   */
  public String clientId() {
    String subject = token == null ? null : token.getSubject();
    if (subject == null || subject.isBlank()) {
      throw new NotAuthorizedException("an access token is required", AccessProblems.BEARER);
    }
    return subject;
  }
}
