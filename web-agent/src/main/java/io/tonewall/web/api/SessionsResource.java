package io.tonewall.web.api;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionPage;
import io.tonewall.session.application.SessionView;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionStatus;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.web.api.dto.AmountBody;
import io.tonewall.web.api.dto.CreateSessionRequest;
import io.tonewall.web.api.dto.CustomerBody;
import io.tonewall.web.api.dto.SecureBody;
import io.tonewall.web.api.dto.SessionPageResponse;
import io.tonewall.web.api.dto.SessionResponse;
import io.tonewall.web.api.security.OwnedSessions;
import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Payment sessions: {@code /api/v1/sessions}. Translates only: the payment domain decides, and its
 * refusals become problem details ({@link DomainExceptionMapper}).
 */
@Path("v1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @EJB private PaymentSessions sessions;

  @Inject private OwnedSessions owned;

  @Context private UriInfo uri;

  /** Opens a payment session; 201 with the session and its URL. */
  @POST
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public Response create(CreateSessionRequest body) {
    CreateSessionRequest request = RequestValues.required("a JSON body", body);
    SessionMode mode =
        RequestValues.choice(SessionMode.class, "mode", request.mode(), SessionMode.AGENT_ASSIST);
    NewPaymentSession session =
        new NewPaymentSession(
            mode,
            RequestValues.choice(
                TransactionType.class,
                "transactionType",
                request.transactionType(),
                TransactionType.SALE),
            RequestValues.money(
                new AmountBody(request.amount(), request.currency(), request.transactionType())),
            Optional.ofNullable(request.merchantReference()),
            RequestValues.customer(request.customer()),
            Optional.ofNullable(request.pspConfiguration()),
            RequestValues.optionalCallReference("callReference", request.callReference()),
            Optional.of(owned.clientId()),
            RequestValues.ivrOptions(mode, request.language(), request.afterIvr()),
            Boolean.TRUE.equals(request.surchargeAccepted()));
    SessionView view = sessions.open(session);
    URI self = uri.getAbsolutePathBuilder().path(view.id().toString()).build();
    return Response.created(self).entity(SessionResponse.of(view, base())).build();
  }

  /** Sessions, newest first: {@code ?page=0&size=20&status=InProgress}. */
  @GET
  @RolesAllowed(Scopes.SESSIONS_READ)
  public SessionPageResponse list(
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String pageValue,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String sizeValue,
      @QueryParam("status") String status) {
    PageQuery query = PageQuery.of(pageValue, sizeValue, 20, PaymentSessions.MAX_PAGE_SIZE);
    int page = query.page();
    int size = query.size();
    Optional<SessionStatus> filter = Optional.ofNullable(status).map(SessionStatus::fromPublicName);
    SessionPage result = sessions.list(page, size, filter, Optional.of(owned.clientId()));
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", pageUri(page, size, status));
    if (result.hasNext()) {
      links.put("next", pageUri(page + 1, size, status));
    }
    if (page > 0) {
      links.put("prev", pageUri(page - 1, size, status));
    }
    return SessionPageResponse.of(result, base(), links);
  }

  /** One payment session with its card fields' progress (masked) and its transactions. */
  @GET
  @Path("{id}")
  @RolesAllowed(Scopes.SESSIONS_READ)
  public SessionResponse read(@PathParam("id") String id) {
    // the ownership check has already read the session: answer with what it read
    return respond(owned.require(RequestValues.id("session", id)));
  }

  /**
   * Secures the session's call (again, after a hold or transfer broke it), or the call named in the
   * body: the caller's keys are masked from the agent from now on. 409 when no live call has the
   * reference.
   */
  @POST
  @Path("{id}/secure")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse secure(@PathParam("id") String id, SecureBody body) {
    Optional<String> call =
        RequestValues.optionalCallReference(
            "callReference", body == null ? null : body.callReference());
    return respond(sessions.secure(session(id), call));
  }

  /** Starts (or restarts) the capture of a card field: number, expiry or securityCode. */
  @POST
  @Path("{id}/fields/{field}/request")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse requestField(
      @PathParam("id") String id, @PathParam("field") String field) {
    return respond(sessions.requestField(session(id), CardField.fromApiName(field)));
  }

  /** Clears a card field. */
  @POST
  @Path("{id}/fields/{field}/reset")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse resetField(@PathParam("id") String id, @PathParam("field") String field) {
    return respond(sessions.resetField(session(id), CardField.fromApiName(field)));
  }

  /** Replaces the agent fields about the payer. */
  @PUT
  @Path("{id}/customer")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse updateCustomer(@PathParam("id") String id, CustomerBody body) {
    return respond(sessions.updateCustomer(session(id), RequestValues.customer(body)));
  }

  /** The caller accepted the surcharge. */
  @POST
  @Path("{id}/surcharge/accept")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse acceptSurcharge(@PathParam("id") String id) {
    return respond(sessions.acceptSurcharge(session(id)));
  }

  /** Pays only part of what remains with the next card. */
  @POST
  @Path("{id}/part")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse payPart(@PathParam("id") String id, AmountBody body) {
    return respond(sessions.payPart(session(id), RequestValues.money(body)));
  }

  /** Processes the payment; 409 {@code fields-incomplete} before every card field is complete. */
  @POST
  @Path("{id}/process")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse process(@PathParam("id") String id) {
    return respond(sessions.process(session(id)));
  }

  /** After a decline, failure or part payment: capture another card. */
  @POST
  @Path("{id}/retry")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse retry(@PathParam("id") String id) {
    return respond(sessions.retryWithAnotherCard(session(id)));
  }

  /** After an approval: charge the same card again (up to three times). */
  @POST
  @Path("{id}/additional-payments")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse additionalPayment(@PathParam("id") String id, AmountBody body) {
    return respond(sessions.additionalPayment(session(id), RequestValues.money(body)));
  }

  /** A new payment on the same call, with a new card. */
  @POST
  @Path("{id}/payments")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse newPayment(@PathParam("id") String id, AmountBody body) {
    TransactionType type =
        RequestValues.choice(
            TransactionType.class,
            "transactionType",
            body == null ? null : body.transactionType(),
            TransactionType.SALE);
    return respond(sessions.newPayment(session(id), type, RequestValues.money(body)));
  }

  /** Ends the session after its outcomes. */
  @POST
  @Path("{id}/end")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse end(@PathParam("id") String id) {
    return respond(sessions.end(session(id)));
  }

  /** Cancels a payment session; 409 when it has already ended. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse cancel(@PathParam("id") String id) {
    return respond(sessions.cancel(session(id)));
  }

  private SessionResponse respond(SessionView view) {
    return SessionResponse.of(view, base());
  }

  /** The session's id, once the calling client is known to own it (else 404). */
  private UUID session(String id) {
    UUID parsed = RequestValues.id("session", id);
    owned.require(parsed);
    return parsed;
  }

  private String base() {
    return uri.getBaseUriBuilder().path("v1/").build().toString();
  }

  private String pageUri(int page, int size, String status) {
    var builder =
        uri.getBaseUriBuilder()
            .path("v1/sessions")
            .queryParam("page", page)
            .queryParam("size", size);
    if (status != null) {
      builder.queryParam("status", status);
    }
    return builder.build().toString();
  }
}
