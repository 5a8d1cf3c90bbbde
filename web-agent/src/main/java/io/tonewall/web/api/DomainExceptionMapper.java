package io.tonewall.web.api;

import io.tonewall.session.domain.SessionAlreadyEndedException;
import io.tonewall.session.domain.SessionNotFoundException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns exceptions into RFC 9457 problem details. Messages of domain exceptions are written for
 * integrators and never contain card data; anything unexpected is logged and answered with a
 * generic 500.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

  @Override
  public Response toResponse(Exception thrown) {
    Throwable e = unwrap(thrown);
    if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
      Response.Status known = status == null ? Response.Status.BAD_REQUEST : status;
      return ProblemResponses.of(
          known, "http-" + known.getStatusCode(), known.getReasonPhrase(), detail(web));
    }
    if (e instanceof ProcessingException || e instanceof JsonbException) {
      // Parser messages can quote the body, and a body may hold anything: never echo it.
      return ProblemResponses.of(
          Response.Status.BAD_REQUEST,
          "malformed-body",
          "Malformed request body",
          "the request body is not valid JSON for this resource");
    }
    if (e instanceof SessionNotFoundException) {
      return ProblemResponses.of(
          Response.Status.NOT_FOUND, "session-not-found", "Session not found", e.getMessage());
    }
    if (e instanceof SessionAlreadyEndedException) {
      return ProblemResponses.of(
          Response.Status.CONFLICT, "session-ended", "Session has ended", e.getMessage());
    }
    if (e instanceof InvalidRequestException || e instanceof IllegalArgumentException) {
      return ProblemResponses.of(
          Response.Status.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }
    LOG.log(Level.SEVERE, "unexpected error answering an API request", e);
    return ProblemResponses.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Tonewall could not complete the request; it has been logged.");
  }

  private static String detail(WebApplicationException e) {
    // Parser messages can quote the body, and a body may hold anything: never echo it.
    return e.getCause() != null
        ? "the request body is not valid JSON for this resource"
        : e.getMessage();
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
