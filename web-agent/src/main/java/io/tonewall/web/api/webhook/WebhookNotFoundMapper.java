package io.tonewall.web.api.webhook;

import io.tonewall.session.webhook.WebhookNotFoundException;
import io.tonewall.web.api.dto.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No such subscription or delivery for the calling client: 404 with a problem document. */
@Provider
public class WebhookNotFoundMapper implements ExceptionMapper<WebhookNotFoundException> {

  @Override
  public Response toResponse(WebhookNotFoundException exception) {
    return Response.status(Response.Status.NOT_FOUND)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "https://tonewall.io/problems/webhook-not-found",
                "Webhook not found",
                404,
                exception.getMessage()))
        .build();
  }
}
