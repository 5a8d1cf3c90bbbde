package io.tonewall.web.api.security;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A call {@code @RolesAllowed} refused: 403 when the token lacks the scope, 401 when there is no
 * token at all (Jersey reports both as forbidden).
 */
@Provider
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {

  @Context private SecurityContext security;

  @Override
  public Response toResponse(ForbiddenException exception) {
    return security == null || security.getUserPrincipal() == null
        ? AccessProblems.unauthorized()
        : AccessProblems.forbidden();
  }
}
