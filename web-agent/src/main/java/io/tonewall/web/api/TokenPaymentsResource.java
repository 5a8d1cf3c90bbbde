package io.tonewall.web.api;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionView;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.web.api.dto.AmountBody;
import io.tonewall.web.api.dto.SessionResponse;
import io.tonewall.web.api.dto.TokenPaymentBody;
import io.tonewall.web.api.idempotency.AnsweredInOneTransaction;
import io.tonewall.web.api.security.OwnedSessions;
import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * Payments with a stored PSP token: {@code /api/v1/token-payments}. Each opens a session and pays
 * it at once; the answer is the session with its transaction (outcome, PSP reference).
 */
@Path("v1/token-payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokenPaymentsResource {

  @EJB private PaymentSessions sessions;

  @Inject private OwnedSessions owned;

  @Context private UriInfo uri;

  /**
   * Pays with a token; 201 with the session (whatever the outcome: see its transaction). With an
   * {@code Idempotency-Key}, the key, the payment and the stored answer are one transaction.
   */
  @POST
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  @AnsweredInOneTransaction
  public Response pay(TokenPaymentBody body) {
    TokenPaymentBody request = RequestValues.required("a JSON body", body);
    TransactionType type =
        RequestValues.choice(
            TransactionType.class,
            "transactionType",
            request.transactionType(),
            TransactionType.SALE);
    NewPaymentSession session =
        new NewPaymentSession(
            SessionMode.DIGITAL,
            type,
            RequestValues.money(new AmountBody(request.amount(), request.currency(), null)),
            Optional.ofNullable(request.merchantReference()),
            CustomerDetails.none(),
            Optional.ofNullable(request.pspConfiguration()),
            RequestValues.optionalCallReference("callReference", request.callReference()),
            Optional.of(owned.clientId()));
    SessionView view =
        sessions.payWithToken(session, RequestValues.required("token", request.token()));
    String base = uri.getBaseUriBuilder().path("v1/").build().toString();
    SessionResponse response = SessionResponse.of(view, base);
    return Response.created(URI.create(response.links().get("self"))).entity(response).build();
  }
}
