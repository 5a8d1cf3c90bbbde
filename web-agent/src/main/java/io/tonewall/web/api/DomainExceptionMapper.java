package io.tonewall.web.api;

import io.tonewall.session.application.CallNotFoundException;
import io.tonewall.session.application.CallUnavailableException;
import io.tonewall.session.application.CardCaptureUnavailableException;
import io.tonewall.session.domain.AdditionalPaymentLimitException;
import io.tonewall.session.domain.FieldsIncompleteException;
import io.tonewall.session.domain.IllegalSessionTransitionException;
import io.tonewall.session.domain.NothingToReconcileException;
import io.tonewall.session.domain.OutcomeUnknownException;
import io.tonewall.session.domain.PaymentRejectedException;
import io.tonewall.session.domain.RefundNotAllowedException;
import io.tonewall.session.domain.RefundNotSettledException;
import io.tonewall.session.domain.SessionAlreadyEndedException;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.domain.SessionStateException;
import io.tonewall.session.domain.SurchargeNotAcceptedException;
import io.tonewall.session.domain.TransactionNotFoundException;
import io.tonewall.session.infrastructure.jca.AdapterUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns exceptions into RFC 9457 problem details. Messages of domain exceptions are written for
 * integrators and never contain card data; anything unexpected is logged and answered with a
 * generic 500.
 *
 * <p>Problem types (under {@code https://tonewall.io/problems/}): 400 {@code invalid-request},
 * {@code malformed-body}, {@code unknown-member} (naming it); 404 {@code session-not-found}, {@code
 * transaction-not-found}, {@code call-not-found}; 409 {@code session-ended}, {@code
 * fields-incomplete}, {@code outcome-unknown} (do not resubmit), {@code additional-payment-limit},
 * {@code surcharge-not-accepted}, {@code refund-not-allowed}, {@code nothing-to-reconcile}, {@code
 * refund-not-settled} (settled already by another request), {@code call-unavailable} (no live,
 * secure call for the request), {@code illegal-transition}, {@code concurrent-change}; 422 {@code
 * payment-rejected}; 503 {@code card-capture-unavailable}, {@code adapter-unavailable}.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

  @Override
  public Response toResponse(Exception thrown) {
    Throwable e = unwrap(thrown);
    Optional<String> unknownMember = UnknownMember.detail(thrown);
    if (unknownMember.isPresent()) {
      return ProblemResponses.of(
          Response.Status.BAD_REQUEST,
          "unknown-member",
          "Unknown member in the request body",
          unknownMember.get());
    }
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
    if (e instanceof CallNotFoundException) {
      return ProblemResponses.of(
          Response.Status.NOT_FOUND, "call-not-found", "Call not found", e.getMessage());
    }
    if (e instanceof TransactionNotFoundException) {
      return ProblemResponses.of(
          Response.Status.NOT_FOUND,
          "transaction-not-found",
          "Transaction not found",
          e.getMessage());
    }
    if (e instanceof SessionStateException) {
      return conflict((SessionStateException) e);
    }
    if (e instanceof InvalidRequestException || e instanceof IllegalArgumentException) {
      return ProblemResponses.of(
          Response.Status.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    }
    if (e instanceof PaymentRejectedException) {
      return ProblemResponses.of(
          422, "payment-rejected", "Payment rejected before sending", e.getMessage());
    }
    if (e instanceof CardCaptureUnavailableException) {
      return ProblemResponses.of(
          Response.Status.SERVICE_UNAVAILABLE,
          "card-capture-unavailable",
          "Card capture unavailable",
          e.getMessage());
    }
    if (e instanceof AdapterUnavailableException) {
      LOG.log(Level.WARNING, "adapter unavailable answering an API request", e);
      return ProblemResponses.of(
          Response.Status.SERVICE_UNAVAILABLE,
          "adapter-unavailable",
          "Adapter unavailable",
          "a resource adapter did not answer; try again later");
    }
    if (causedBy(thrown, OptimisticLockException.class)) {
      return ProblemResponses.of(
          Response.Status.CONFLICT,
          "concurrent-change",
          "Concurrent change",
          "the session was changed by another request at the same time; read it and try again");
    }
    LOG.log(Level.SEVERE, "unexpected error answering an API request", e);
    return ProblemResponses.of(
        Response.Status.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Tonewall could not complete the request; it has been logged.");
  }

  private static Response conflict(SessionStateException e) {
    String kind;
    String title;
    if (e instanceof SessionAlreadyEndedException) {
      kind = "session-ended";
      title = "Session has ended";
    } else if (e instanceof FieldsIncompleteException) {
      kind = "fields-incomplete";
      title = "Card fields are not complete";
    } else if (e instanceof OutcomeUnknownException) {
      kind = "outcome-unknown";
      title = "Outcome unknown: do not resubmit";
    } else if (e instanceof AdditionalPaymentLimitException) {
      kind = "additional-payment-limit";
      title = "No more additional payments on this card";
    } else if (e instanceof SurchargeNotAcceptedException) {
      kind = "surcharge-not-accepted";
      title = "Surcharge not accepted";
    } else if (e instanceof RefundNotAllowedException) {
      kind = "refund-not-allowed";
      title = "Refund not allowed";
    } else if (e instanceof NothingToReconcileException) {
      kind = "nothing-to-reconcile";
      title = "Outcome already known";
    } else if (e instanceof RefundNotSettledException) {
      kind = "refund-not-settled";
      title = "Refund cannot be settled";
    } else if (e instanceof CallUnavailableException) {
      kind = "call-unavailable";
      title = "The session's call cannot take this";
    } else if (e instanceof IllegalSessionTransitionException) {
      kind = "illegal-transition";
      title = "Not possible in the session's state";
    } else {
      kind = "conflict";
      title = "Conflict";
    }
    return ProblemResponses.of(Response.Status.CONFLICT, kind, title, e.getMessage());
  }

  private static String detail(WebApplicationException e) {
    // Parser messages can quote the body, and a body may hold anything: never echo it.
    return e.getCause() != null
        ? "the request body is not valid JSON for this resource"
        : e.getMessage();
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable current = e; current != null; current = current.getCause()) {
      if (type.isInstance(current)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
