package io.tonewall.web.api.webhook;

import io.tonewall.session.webhook.NewWebhookSubscription;
import io.tonewall.session.webhook.Webhooks;
import io.tonewall.web.api.ArrayPage;
import io.tonewall.web.api.PageQuery;
import io.tonewall.web.api.idempotency.IdempotentResponses;
import io.tonewall.web.api.security.ApiCaller;
import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions and deliveries of the calling client: {@code /api/v1/webhooks}. Every
 * session change of the client's sessions is sent to each of its subscriptions, signed with {@code
 * Tonewall-Signature} (see web-agent/README.md).
 */
@Path("v1/webhooks")
@RequestScoped
@RolesAllowed(Scopes.WEBHOOKS_MANAGE)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = Scopes.SCHEME)
@Tag(name = "webhooks", description = "Signed notifications of session changes")
public class WebhooksResource {

  @EJB private Webhooks webhooks;

  @Inject private ApiCaller caller;

  @Context private UriInfo uri;

  @Context private HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Subscribe a URL; the signing secret is in this response only")
  public Response subscribe(WebhookDtos.SubscribeRequest body) {
    NewWebhookSubscription created =
        webhooks.subscribe(caller.clientId(), body == null ? null : body.url());
    // An idempotent replay answers without the secret: it is shown once.
    request.setAttribute(
        IdempotentResponses.REPLAY_ENTITY, WebhookDtos.Subscription.of(created.subscription()));
    URI self = uri.getAbsolutePathBuilder().path(created.subscription().id()).build();
    return Response.created(self).entity(WebhookDtos.CreatedSubscription.of(created)).build();
  }

  @GET
  @Operation(summary = "The client's subscriptions")
  public List<WebhookDtos.Subscription> subscriptions() {
    return webhooks.subscriptions(caller.clientId()).stream()
        .map(WebhookDtos.Subscription::of)
        .toList();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a subscription and its pending deliveries")
  public Response unsubscribe(@PathParam("id") String id) {
    webhooks.unsubscribe(caller.clientId(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("deliveries")
  @Operation(
      summary =
          "The client's deliveries, newest first, in pages (?page=0&size=50, size at most 100);"
              + " Link headers name the next and previous pages")
  @APIResponse(
      responseCode = "200",
      description = "one page of deliveries",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = WebhookDtos.Delivery.class)))
  public Response deliveries(
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String size) {
    PageQuery query = PageQuery.of(page, size, 50, 100);
    List<WebhookDtos.Delivery> fetched =
        webhooks.deliveries(caller.clientId(), query.offset(), ArrayPage.fetchSize(query)).stream()
            .map(WebhookDtos.Delivery::of)
            .toList();
    return ArrayPage.of(fetched, query, uri);
  }

  @POST
  @Path("deliveries/{id}/replay")
  @Operation(summary = "Send a delivery again, at once, with a fresh set of attempts")
  public Response replay(@PathParam("id") String id) {
    return Response.accepted(WebhookDtos.Delivery.of(webhooks.replay(caller.clientId(), id)))
        .build();
  }
}
