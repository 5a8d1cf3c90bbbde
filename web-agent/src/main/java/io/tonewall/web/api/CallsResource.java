package io.tonewall.web.api;

import io.tonewall.session.application.CallHistory;
import io.tonewall.session.application.Transactions;
import io.tonewall.web.api.dto.TransactionResponse;
import io.tonewall.web.api.dto.TransferBody;
import io.tonewall.web.api.security.OwnedSessions;
import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Calls: {@code /api/v1/calls/{callReference}}: the history of a call (its transactions, and those
 * of the calls it was transferred to or from), and recording a transfer.
 */
@Path("v1/calls/{call}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallsResource {

  static final int MAX_PAGE_SIZE = 500;

  @EJB private Transactions transactions;

  @EJB private CallHistory history;

  @Inject private OwnedSessions owned;

  @Context private UriInfo uri;

  /**
   * The calling client's transactions of the call, following transfers, oldest first, in pages:
   * {@code ?page=0&size=100} (at most {@value #MAX_PAGE_SIZE}); {@code Link} headers name the next
   * and previous pages.
   */
  @GET
  @Path("transactions")
  @RolesAllowed(Scopes.SESSIONS_READ)
  @APIResponse(
      responseCode = "200",
      description = "one page of the call's transactions; Link: <...>; rel=\"next\" when more",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(type = SchemaType.ARRAY, implementation = TransactionResponse.class)))
  public Response transactions(
      @PathParam("call") String call,
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String size) {
    PageQuery query = PageQuery.of(page, size, 100, MAX_PAGE_SIZE);
    String base = uri.getBaseUriBuilder().path("v1/").build().toString();
    List<TransactionResponse> fetched =
        transactions
            .ofCall(
                callReference(call), owned.clientId(), query.offset(), ArrayPage.fetchSize(query))
            .stream()
            .map(view -> TransactionResponse.of(view, base))
            .toList();
    return ArrayPage.of(fetched, query, uri);
  }

  /**
   * Records that the call was transferred to another ({@code {"to":"..."}}); 204. Only the calling
   * client's sessions follow; a call none of its sessions is on answers 404 {@code call-not-found}.
   */
  @POST
  @Path("transfers")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public Response transferred(@PathParam("call") String call, TransferBody body) {
    history.transferred(
        callReference(call),
        RequestValues.callReference(
            "to", RequestValues.required("to", RequestValues.required("a JSON body", body).to())),
        owned.clientId());
    return Response.noContent().build();
  }

  private static String callReference(String value) {
    return RequestValues.callReference("call reference", value);
  }
}
