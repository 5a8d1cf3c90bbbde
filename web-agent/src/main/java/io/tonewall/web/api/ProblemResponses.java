package io.tonewall.web.api;

import io.tonewall.web.api.dto.Problem;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
final class ProblemResponses {

  private static final String TYPE_BASE = "https://tonewall.io/problems/";

  private ProblemResponses() {}

  static Response of(Response.Status status, String kind, String title, String detail) {
    return of(status.getStatusCode(), kind, title, detail);
  }

  static Response of(int status, String kind, String title, String detail) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(TYPE_BASE + kind, title, status, detail))
        .build();
  }
}
