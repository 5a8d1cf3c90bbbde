package io.tonewall.web.api.idempotency;

import io.tonewall.session.idempotency.IdempotentRequests;
import io.tonewall.session.idempotency.StoredResponse;
import io.tonewall.web.api.dto.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Stores the answer to a request that claimed an {@code Idempotency-Key}: status, media type,
 * {@code Location} and body (JSON), for replay within 24 hours. A 5xx answer releases the key
 * instead, so that the client may retry. A request answered in one transaction ({@link
 * AnsweredInOneTransaction}) stores its answer in that transaction and commits it here, before
 * anything is sent: when the commit fails, the answer becomes a 500 and nothing of the request (key
 * included) is stored; when the work marked the transaction for rollback (a refused request), it is
 * rolled back and the answer stored in a transaction of its own.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotentResponseRecorder implements ContainerResponseFilter {

  private static final Jsonb JSON = JsonbBuilder.create();

  private static final Logger LOG = Logger.getLogger(IdempotentResponseRecorder.class.getName());

  @Inject private IdempotentRequests requests;

  @Inject private RequestTransaction transaction;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(IdempotencyClaim.PROPERTY) instanceof IdempotencyClaim claim)) {
      return;
    }
    if (claim.requestIdInTransaction().isPresent()) {
      finishTransaction(claim, claim.requestIdInTransaction().get(), request, response);
    } else if (response.getStatus() >= 500) {
      requests.release(claim.apiClientId(), claim.key());
    } else {
      requests.complete(claim.apiClientId(), claim.key(), stored(request, response));
    }
  }

  private void finishTransaction(
      IdempotencyClaim claim,
      String requestId,
      ContainerRequestContext request,
      ContainerResponseContext response) {
    if (response.getStatus() >= 500) {
      transaction.rollback();
      return;
    }
    StoredResponse stored = stored(request, response);
    if (!transaction.canCommit()) {
      transaction.rollback();
      requests.claimAnswered(claim.apiClientId(), claim.key(), claim.fingerprint(), stored);
      return;
    }
    try {
      requests.completeInCallersTransaction(requestId, stored);
    } catch (RuntimeException e) {
      transaction.rollback();
      throw e;
    }
    if (!transaction.commit()) {
      LOG.warning(
          () ->
              "the transaction of "
                  + request.getMethod()
                  + " "
                  + request.getUriInfo().getPath()
                  + " rolled back at commit; answered 500, its Idempotency-Key released");
      response.getHeaders().remove(HttpHeaders.LOCATION);
      response.setEntity(
          IdempotentResponses.notCommitted(),
          new Annotation[0],
          MediaType.valueOf(Problem.MEDIA_TYPE));
      response.setStatus(Response.Status.INTERNAL_SERVER_ERROR.getStatusCode());
    }
  }

  /**
   * The answer as stored. When the stored body is the entity being sent, the JSON written here is
   * also what is sent, so the entity is serialised once.
   */
  private static StoredResponse stored(
      ContainerRequestContext request, ContainerResponseContext response) {
    Object replayEntity = request.getProperty(IdempotentResponses.REPLAY_ENTITY);
    Object entity = replayEntity != null ? replayEntity : response.getEntity();
    Optional<String> body =
        Optional.ofNullable(entity).map(e -> e instanceof String text ? text : JSON.toJson(e));
    if (replayEntity == null
        && body.isPresent()
        && !(entity instanceof String)
        && MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
      response.setEntity(body.get(), new Annotation[0], response.getMediaType());
    }
    return new StoredResponse(
        response.getStatus(),
        Optional.ofNullable(response.getMediaType()).map(Object::toString),
        Optional.ofNullable(response.getHeaderString(HttpHeaders.LOCATION)),
        body);
  }
}
