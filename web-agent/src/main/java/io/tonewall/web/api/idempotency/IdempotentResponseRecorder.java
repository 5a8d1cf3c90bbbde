package io.tonewall.web.api.idempotency;

import io.tonewall.session.idempotency.IdempotentRequests;
import io.tonewall.session.idempotency.StoredResponse;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Stores the answer to a request that claimed an {@code Idempotency-Key}: status, media type,
 * {@code Location} and body (JSON), for replay within 24 hours. A 5xx answer releases the key
 * instead, so that the client may retry.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotentResponseRecorder implements ContainerResponseFilter {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject private IdempotentRequests requests;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(IdempotencyClaim.PROPERTY) instanceof IdempotencyClaim claim)) {
      return;
    }
    if (response.getStatus() >= 500) {
      requests.release(claim.apiClientId(), claim.key());
      return;
    }
    Object entity =
        Optional.ofNullable(request.getProperty(IdempotentResponses.REPLAY_ENTITY))
            .orElse(response.getEntity());
    Optional<String> body =
        Optional.ofNullable(entity).map(e -> e instanceof String text ? text : JSON.toJson(e));
    requests.complete(
        claim.apiClientId(),
        claim.key(),
        new StoredResponse(
            response.getStatus(),
            Optional.ofNullable(response.getMediaType()).map(Object::toString),
            Optional.ofNullable(response.getHeaderString(HttpHeaders.LOCATION)),
            body));
  }
}
