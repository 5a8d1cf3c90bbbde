package io.tonewall.web.api;

import io.tonewall.session.application.Transactions;
import io.tonewall.web.api.dto.AmountBody;
import io.tonewall.web.api.dto.TransactionResponse;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
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

  @Context private UriInfo uri;

  /** One transaction. */
  @GET
  @Path("{id}")
  public TransactionResponse read(@PathParam("id") String id) {
    return TransactionResponse.of(transactions.find(RequestValues.id("transaction", id)), base());
  }

  /**
   * Refunds an approved sale: all that remains (no body, or {@code {}}) or part ({@code
   * {"amount":500,"currency":"GBP"}}); 201 with the refund's transaction ({@code SCHEDULED}: sent
   * after commit).
   */
  @POST
  @Path("{id}/refunds")
  public Response refund(@PathParam("id") String id, AmountBody body) {
    TransactionResponse refund =
        TransactionResponse.of(
            transactions.refund(
                RequestValues.id("transaction", id), RequestValues.optionalMoney(body)),
            base());
    return Response.created(URI.create(refund.links().get("self"))).entity(refund).build();
  }

  /** Asks the PSP what became of a transaction whose outcome is unknown. */
  @POST
  @Path("{id}/reconcile")
  public TransactionResponse reconcile(@PathParam("id") String id) {
    return TransactionResponse.of(
        transactions.reconcile(RequestValues.id("transaction", id)), base());
  }

  private String base() {
    return uri.getBaseUriBuilder().path("v1/").build().toString();
  }
}
