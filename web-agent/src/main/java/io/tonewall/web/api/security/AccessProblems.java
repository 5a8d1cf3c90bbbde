package io.tonewall.web.api.security;

import io.tonewall.web.api.dto.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** RFC 9457 answers to a missing, bad or insufficient access token, with RFC 6750 challenges. */
final class AccessProblems {

  static final String BEARER = "Bearer realm=\"tonewall\"";
  private static final String TYPE_BASE = "https://tonewall.io/problems/";

  private AccessProblems() {}

  static Response unauthorized() {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, BEARER)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                TYPE_BASE + "unauthorized",
                "Unauthorized",
                401,
                "a valid access token is required: POST /api/v1/oauth/token, then send it as"
                    + " 'Authorization: Bearer <token>'"))
        .build();
  }

  static Response forbidden() {
    return Response.status(Response.Status.FORBIDDEN)
        .header(HttpHeaders.WWW_AUTHENTICATE, BEARER + ", error=\"insufficient_scope\"")
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                TYPE_BASE + "insufficient-scope",
                "Insufficient scope",
                403,
                "the access token's scopes do not allow this call"))
        .build();
  }
}
