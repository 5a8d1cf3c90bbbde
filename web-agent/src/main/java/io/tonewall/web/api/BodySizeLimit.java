package io.tonewall.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses an API request whose body is larger than {@value #MAX_BODY_BYTES} bytes with 413 and a
 * problem document, whether or not it carries an {@code Idempotency-Key}, declared length or not:
 * at most one byte more than the limit is read. A body within the limit is handed on as read.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1)
public class BodySizeLimit implements ContainerRequestFilter {

  /** The largest body an API request may carry. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity()) {
      return;
    }
    byte[] body;
    try (InputStream in = request.getEntityStream()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      request.abortWith(tooLarge());
      return;
    }
    request.setEntityStream(new ByteArrayInputStream(body));
  }

  static Response tooLarge() {
    return ProblemResponses.of(
        413,
        "body-too-large",
        "Request body too large",
        "request bodies are limited to " + MAX_BODY_BYTES + " bytes");
  }
}
