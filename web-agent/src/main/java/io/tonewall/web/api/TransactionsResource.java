package io.tonewall.web.api;

import io.tonewall.session.application.TransactionView;
import io.tonewall.session.application.Transactions;
import io.tonewall.session.domain.Outcome;
import io.tonewall.session.domain.TransactionNotFoundException;
import io.tonewall.web.api.dto.AmountBody;
import io.tonewall.web.api.dto.TransactionResponse;
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
import java.net.URI;

/** Payment transactions: {@code /api/v1/transactions}: read, refund, reconcile. */
@Path("v1/transactions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TransactionsResource {

  @EJB private Transactions transactions;

  @Inject private OwnedSessions owned;

  @Context private UriInfo uri;

  /** One transaction. */
  @GET
  @Path("{id}")
  @RolesAllowed(Scopes.SESSIONS_READ)
  public TransactionResponse read(@PathParam("id") String id) {
    return TransactionResponse.of(owned(id), base());
  }

  /**
   * Refunds an approved sale: all that remains (no body, or {@code {}}) or part ({@code
   * {"amount":500,"currency":"GBP"}}); 201 with the refund's transaction ({@code SCHEDULED}: sent
   * after commit).
   */
  @POST
  @Path("{id}/refunds")
  @RolesAllowed(Scopes.PAYMENTS_REFUND)
  public Response refund(@PathParam("id") String id, AmountBody body) {
    owned(id);
    TransactionResponse refund =
        TransactionResponse.of(
            transactions.refund(
                RequestValues.id("transaction", id), RequestValues.optionalMoney(body)),
            base());
    return Response.created(URI.create(refund.links().get("self"))).entity(refund).build();
  }

  /**
   * Asks the PSP what became of a transaction whose outcome is unknown, or of a {@code SCHEDULED}
   * refund: 200 with the transaction; 202 with the refund, still {@code SCHEDULED}, when the PSP
   * has not settled it yet (ask again later: the refund sweep settles it too); 409 {@code
   * nothing-to-reconcile} when the outcome is known already.
   */
  @POST
  @Path("{id}/reconcile")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public Response reconcile(@PathParam("id") String id) {
    owned(id);
    TransactionView view = transactions.reconcile(RequestValues.id("transaction", id));
    return Response.status(
            view.outcome() == Outcome.SCHEDULED ? Response.Status.ACCEPTED : Response.Status.OK)
        .entity(TransactionResponse.of(view, base()))
        .build();
  }

  /** The transaction, when the calling client owns its session (else 404). */
  private TransactionView owned(String id) {
    TransactionView view = transactions.find(RequestValues.id("transaction", id));
    if (!owned.owns(view.sessionId())) {
      throw new TransactionNotFoundException(view.id());
    }
    return view;
  }

  private String base() {
    return uri.getBaseUriBuilder().path("v1/").build().toString();
  }
}
