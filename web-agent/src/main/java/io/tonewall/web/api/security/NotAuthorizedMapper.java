package io.tonewall.web.api.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A call without a verified access token: 401 with a Bearer challenge and a problem document. */
@Provider
public class NotAuthorizedMapper implements ExceptionMapper<NotAuthorizedException> {

  @Override
  public Response toResponse(NotAuthorizedException exception) {
    return AccessProblems.unauthorized();
  }
}
