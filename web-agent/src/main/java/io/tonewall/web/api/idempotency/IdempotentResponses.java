package io.tonewall.web.api.idempotency;

import io.tonewall.session.idempotency.StoredResponse;
import io.tonewall.web.api.dto.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Answers of the idempotency filters: replays of stored responses, and the problems of a key used
 * wrongly. A resource whose response carries a secret shown once puts a secret-free entity under
 * {@link #REPLAY_ENTITY} (a request attribute); that one is stored instead.
 */
public final class IdempotentResponses {

  /** Request attribute: the entity to store for replay instead of the one sent. */
  public static final String REPLAY_ENTITY = IdempotentResponses.class.getName() + ".replayEntity";

  /** Header on every replayed response. */
  public static final String REPLAYED = "Idempotent-Replayed";

  private static final String TYPE_BASE = "https://tonewall.io/problems/";

  private IdempotentResponses() {}

  static Response replay(StoredResponse stored) {
    Response.ResponseBuilder response = Response.status(stored.status()).header(REPLAYED, "true");
    stored.location().ifPresent(location -> response.header(HttpHeaders.LOCATION, location));
    stored.body().ifPresent(body -> response.entity(body));
    stored.contentType().ifPresent(response::type);
    return response.build();
  }

  static Response mismatch() {
    return problem(
        422,
        "idempotency-key-reused",
        "Idempotency-Key reused",
        "this Idempotency-Key was used for a different request (method, path or body)");
  }

  static Response inProgress() {
    return problem(
        409,
        "idempotency-key-in-progress",
        "Request in progress",
        "a request with this Idempotency-Key is still being answered; retry later");
  }

  /** The entity of a request whose transaction rolled back at commit. */
  static Problem notCommitted() {
    return new Problem(
        TYPE_BASE + "internal-error",
        "Internal error",
        500,
        "Tonewall could not complete the request; it has been logged.");
  }

  static Response invalidKey(String detail) {
    return problem(400, "invalid-idempotency-key", "Invalid Idempotency-Key", detail);
  }

  static Response tooLarge(int limit) {
    return problem(
        413,
        "body-too-large",
        "Request body too large",
        "request bodies are limited to " + limit + " bytes");
  }

  private static Response problem(int status, String kind, String title, String detail) {
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem(TYPE_BASE + kind, title, status, detail))
        .build();
  }
}
