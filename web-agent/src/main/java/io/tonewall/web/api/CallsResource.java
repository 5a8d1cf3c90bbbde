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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Calls: {@code /api/v1/calls/{callReference}}: the history of a call (its transactions, and those
 * of the calls it was transferred to or from), and recording a transfer.
 */
@Path("v1/calls/{call}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallsResource {

  @EJB private Transactions transactions;

  @EJB private CallHistory history;

  @Inject private OwnedSessions owned;

  @Context private UriInfo uri;

  /** Every transaction of the call, following transfers, oldest first. */
  @GET
  @Path("transactions")
  @RolesAllowed(Scopes.SESSIONS_READ)
  public List<TransactionResponse> transactions(@PathParam("call") String call) {
    String base = uri.getBaseUriBuilder().path("v1/").build().toString();
    return transactions.ofCall(callReference(call)).stream()
        .filter(view -> owned.owns(view.sessionId()))
        .map(view -> TransactionResponse.of(view, base))
        .toList();
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
