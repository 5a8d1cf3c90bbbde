package io.tonewall.web.api.idempotency;

import io.tonewall.session.idempotency.IdempotencyDecision;
import io.tonewall.session.idempotency.IdempotencyKeyTakenException;
import io.tonewall.session.idempotency.IdempotentRequests;
import io.tonewall.session.idempotency.InvalidIdempotencyKeyException;
import io.tonewall.session.idempotency.RequestFingerprint;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;

/**
 * Claims the {@code Idempotency-Key} of a POST under {@code /api/v1}, or answers a repeat: the
 * stored response (same method, path and body), 422 (a different request), 409 (the first is still
 * being answered). Runs after authorisation, so refused calls never use up a key. Without the
 * header a POST is answered as usual. The token endpoint is left out: its answers hold access
 * tokens, which are never stored. For a method marked {@link AnsweredInOneTransaction}, the claim
 * is made in a transaction begun here, which the request's work joins and {@link
 * IdempotentResponseRecorder} ends.
 */
@Provider
@Priority(Priorities.USER)
public class IdempotencyKeyFilter implements ContainerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final int MAX_BODY_BYTES = 1 << 20;

  @Inject private IdempotentRequests requests;

  @Inject private RequestTransaction transaction;

  @Context private ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    String key = request.getHeaderString(HEADER);
    Principal caller = request.getSecurityContext().getUserPrincipal();
    if (key == null || caller == null || !applies(request)) {
      return;
    }
    byte[] body = body(request);
    if (body.length > MAX_BODY_BYTES) {
      request.abortWith(IdempotentResponses.tooLarge(MAX_BODY_BYTES));
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
    RequestFingerprint fingerprint =
        RequestFingerprint.of(
            request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), body);
    boolean oneTransaction = answeredInOneTransaction();
    IdempotencyDecision decision;
    if (oneTransaction) {
      transaction.begin();
    }
    try {
      decision =
          oneTransaction
              ? requests.claimInCallersTransaction(caller.getName(), key, fingerprint)
              : requests.claim(caller.getName(), key, fingerprint);
    } catch (InvalidIdempotencyKeyException e) {
      endUnused(oneTransaction);
      request.abortWith(IdempotentResponses.invalidKey(e.getMessage()));
      return;
    } catch (IdempotencyKeyTakenException e) {
      endUnused(oneTransaction);
      request.abortWith(IdempotentResponses.inProgress());
      return;
    } catch (RuntimeException e) {
      endUnused(oneTransaction);
      throw e;
    }
    if (!(decision instanceof IdempotencyDecision.Proceed)) {
      endUnused(oneTransaction);
    }
    if (decision instanceof IdempotencyDecision.Replay replay) {
      request.abortWith(IdempotentResponses.replay(replay.response()));
    } else if (decision instanceof IdempotencyDecision.Mismatch) {
      request.abortWith(IdempotentResponses.mismatch());
    } else if (decision instanceof IdempotencyDecision.InProgress) {
      request.abortWith(IdempotentResponses.inProgress());
    } else if (decision instanceof IdempotencyDecision.Proceed proceed) {
      request.setProperty(
          IdempotencyClaim.PROPERTY,
          new IdempotencyClaim(
              caller.getName(),
              key,
              fingerprint,
              oneTransaction ? Optional.of(proceed.requestId()) : Optional.empty()));
    }
  }

  private boolean answeredInOneTransaction() {
    Method method = resource.getResourceMethod();
    return method != null && method.isAnnotationPresent(AnsweredInOneTransaction.class);
  }

  /** The request's transaction held nothing to keep: a refused or replayed request. */
  private void endUnused(boolean oneTransaction) {
    if (oneTransaction) {
      transaction.rollback();
    }
  }

  private static boolean applies(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return "POST".equals(request.getMethod())
        && relative.startsWith("v1/")
        && !relative.startsWith("v1/oauth/");
  }

  private static byte[] body(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = request.getEntityStream()) {
      return in.readNBytes(MAX_BODY_BYTES + 1);
    }
  }
}
