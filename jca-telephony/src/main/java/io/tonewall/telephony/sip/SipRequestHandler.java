package io.tonewall.telephony.sip;

import java.text.ParseException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Answers SIP requests arriving at Tonewall. OPTIONS (keep-alives and monitoring) gets 200 with the
 * methods and bodies Tonewall accepts. Methods not handled yet get 501 Not Implemented; an ACK gets
 * no answer, as RFC 3261 requires.
 */
public final class SipRequestHandler implements SipListener {

  private static final Logger LOG = Logger.getLogger(SipRequestHandler.class.getName());
  static final String ALLOWED_METHODS = "INVITE, ACK, BYE, CANCEL, OPTIONS";

  private final MessageFactory messages;
  private final HeaderFactory headers;

  public SipRequestHandler(MessageFactory messages, HeaderFactory headers) {
    this.messages = messages;
    this.headers = headers;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    if (Request.ACK.equals(method)) {
      return;
    }
    try {
      Response response =
          Request.OPTIONS.equals(method)
              ? optionsResponse(request)
              : messages.createResponse(Response.NOT_IMPLEMENTED, request);
      ServerTransaction transaction = event.getServerTransaction();
      if (transaction == null) {
        transaction = ((SipProvider) event.getSource()).getNewServerTransaction(request);
      }
      transaction.sendResponse(response);
    } catch (ParseException | SipException | InvalidArgumentException e) {
      LOG.log(Level.WARNING, "could not answer a SIP " + method + " request", e);
    }
  }

  private Response optionsResponse(Request request) throws ParseException {
    Response response = messages.createResponse(Response.OK, request);
    response.addHeader(headers.createAllowHeader(ALLOWED_METHODS.replace(" ", "")));
    response.addHeader(headers.createAcceptHeader("application", "sdp"));
    return response;
  }

  @Override
  public void processResponse(ResponseEvent event) {
    // No requests are sent by this handler; stray responses are dropped as RFC 3261 8.1.3.3 allows.
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    LOG.fine("SIP transaction timed out");
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.warning(
        () ->
            "SIP I/O error towards "
                + event.getHost()
                + ":"
                + event.getPort()
                + "/"
                + event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // Transactions end on their own; nothing is held per transaction here.
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // No dialogs are created by this handler.
  }
}
