package io.tonewall.web.api;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionView;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.TransactionType;
import io.tonewall.web.api.dto.CreateSessionRequest;
import io.tonewall.web.api.dto.SessionResponse;
import io.tonewall.web.api.security.ApiCaller;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Payment sessions: {@code /api/v1/sessions}. A session belongs to the API client that opened it;
 * to every other client it does not exist (404).
 */
@Path("v1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = Scopes.SCHEME)
public class SessionsResource {

  @EJB private PaymentSessions sessions;

  @Inject private ApiCaller caller;

  @Context private UriInfo uri;

  /** Opens a payment session; 201 with the session and its URL. */
  @POST
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public Response create(CreateSessionRequest body) {
    if (body == null) {
      throw new InvalidRequestException("a JSON body is required");
    }
    NewPaymentSession request =
        new NewPaymentSession(
            parse(SessionMode.class, "mode", body.mode(), SessionMode.AGENT_ASSIST),
            parse(
                TransactionType.class,
                "transactionType",
                body.transactionType(),
                TransactionType.SALE),
            Money.of(required("amount", body.amount()), required("currency", body.currency())),
            Optional.ofNullable(body.merchantReference()),
            Optional.of(caller.clientId()));
    SessionView view = sessions.open(request);
    URI self = uri.getAbsolutePathBuilder().path(view.id().toString()).build();
    return Response.created(self).entity(SessionResponse.of(view, self.toString())).build();
  }

  /** One payment session. */
  @GET
  @Path("{id}")
  @RolesAllowed(Scopes.SESSIONS_READ)
  public SessionResponse read(@PathParam("id") String id) {
    SessionView view = sessions.find(parseId(id), caller.clientId());
    return SessionResponse.of(view, uri.getAbsolutePath().toString());
  }

  /** Cancels a payment session; 409 when it has already ended. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Scopes.SESSIONS_WRITE)
  public SessionResponse cancel(@PathParam("id") String id) {
    SessionView view = sessions.cancel(parseId(id), caller.clientId());
    String self =
        uri.getBaseUriBuilder().path("v1/sessions").path(view.id().toString()).build().toString();
    return SessionResponse.of(view, self);
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("session id is not a UUID");
    }
  }

  private static <T> T required(String name, T value) {
    if (value == null) {
      throw new InvalidRequestException(name + " is required");
    }
    return value;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String value, E fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
