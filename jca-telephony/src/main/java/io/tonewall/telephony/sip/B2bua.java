package io.tonewall.telephony.sip;

import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.ivr.Ivr;
import io.tonewall.telephony.ivr.IvrRoute;
import io.tonewall.telephony.relay.AgentLegFormat;
import io.tonewall.telephony.relay.LegSide;
import io.tonewall.telephony.relay.MediaSession;
import io.tonewall.telephony.relay.RtpPortsExhaustedException;
import io.tonewall.telephony.relay.RtpRelay;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
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
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionState;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The back-to-back user agent. An INVITE from the trunk side (the caller's leg) creates a second
 * INVITE towards the agent destination (the agent's leg); Tonewall is UAS on one leg and UAC on the
 * other, and rewrites SDP on both so that media flows through the {@link RtpRelay}. Provisional and
 * final responses, ACK, BYE, CANCEL, re-INVITE (hold and resume) and other in-dialog requests are
 * carried across; both legs end together.
 *
 * <ul>
 *   <li>An INVITE without PCMU or PCMA over RTP/AVP gets 488; unreadable SDP gets 400; a full RTP
 *       port range gets 503 with Retry-After.
 *   <li>SIP INFO is answered here and never forwarded: it may carry keypad digits.
 *   <li>A hold (sendonly, inactive, 0.0.0.0), a REFER or a BYE breaks secure mode.
 * </ul>
 *
 * <p>JAIN-SIP calls this listener on its own threads (reentrant listener, its thread pool): those
 * are the stack's and cannot come from the WorkManager. Per-call state is guarded by the call's
 * {@link CallLegs}.
 */
public final class B2bua implements SipListener {

  private static final Logger LOG = Logger.getLogger(B2bua.class.getName());
  private static final int RETRY_AFTER_SECONDS = 5;
  private static final int DEFAULT_TELEPHONE_EVENT = 101;
  static final String ALLOWED_METHODS = "INVITE,ACK,BYE,CANCEL,OPTIONS,INFO,UPDATE,REFER,NOTIFY";

  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final RtpRelay relay;
  private final CallRegistry calls;
  private final String advertisedAddress;
  private final int sipPort;
  private final Optional<java.net.URI> agentUri;
  private final Optional<String> referenceHeader;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, CallLegs> byCallId = new ConcurrentHashMap<>();
  private final Set<Dialog> dialogs = ConcurrentHashMap.newKeySet();
  private final Set<ClientTransaction> pending = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Clock clock;
  private final AwaitedAcks awaitedAcks;
  private final IvrUas ivr;
  private volatile SipProvider provider;

  /**
   * @param advertisedAddress the address put in Via, Contact and SDP (a concrete address, not
   *     0.0.0.0)
   * @param agentUri where calls go; empty: the request URI of the caller's INVITE passes through
   * @param referenceHeader header of the caller's INVITE whose value also finds the call
   * @param clock protocol time (the ACK deadline)
   * @param ackTimeout how long the caller may take to ACK Tonewall's 2xx before the call is hung up
   * @param ivr the IVR: INVITEs to its number are answered here (see {@link IvrRoute})
   */
  public B2bua(
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses,
      RtpRelay relay,
      CallRegistry calls,
      String advertisedAddress,
      int sipPort,
      Optional<java.net.URI> agentUri,
      Optional<String> referenceHeader,
      Clock clock,
      Duration ackTimeout,
      Ivr ivr) {
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
    this.relay = relay;
    this.calls = calls;
    this.advertisedAddress = advertisedAddress;
    this.sipPort = sipPort;
    this.agentUri = agentUri;
    this.referenceHeader = referenceHeader;
    this.clock = clock;
    this.awaitedAcks = new AwaitedAcks(ackTimeout);
    this.ivr =
        new IvrUas(
            this,
            messages,
            headers,
            addresses,
            relay,
            calls,
            ivr,
            advertisedAddress,
            dialogs,
            clock,
            ackTimeout,
            () -> provider);
  }

  /** Gives the B2BUA the provider it sends with, once the SIP endpoint is open. */
  public void bind(SipProvider sipProvider) {
    this.provider = sipProvider;
  }

  /** SIP dialogs created by Tonewall and not yet terminated. */
  public int liveDialogs() {
    dialogs.removeIf(dialog -> dialog.getState() == DialogState.TERMINATED);
    return dialogs.size();
  }

  /** Requests relayed whose final response is still awaited. */
  public int pendingTransactions() {
    pending.removeIf(tx -> tx.getState() == TransactionState.TERMINATED);
    return pending.size();
  }

  /** Client and server transactions in the stack's tables (they linger after completion). */
  public int stackTransactions() {
    SipProvider current = provider;
    if (current != null
        && current.getSipStack() instanceof gov.nist.javax.sip.stack.SIPTransactionStack stack) {
      return stack.getClientTransactionTableSize() + stack.getServerTransactionTableSize();
    }
    return 0;
  }

  /** Requests the stack parsed and passed to the B2BUA since start (ACKs included). */
  public long requestsHandled() {
    return requests.get();
  }

  /** Requests the B2BUA itself answered with 4xx, 5xx or 6xx since start. */
  public long requestsRefused() {
    return refused.get();
  }

  /** Ends every IVR call with BYE (the node is stopping). */
  public void endIvrCalls() {
    ivr.endAll();
  }

  /** Calls with SIP state (early or confirmed). */
  public int liveCalls() {
    return (int) byCallId.values().stream().distinct().count() + ivr.liveCalls();
  }

  // ---------------------------------------------------------------- requests

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    requests.incrementAndGet();
    try {
      dispatch(event, request, method);
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      LOG.log(Level.WARNING, "SIP " + method + " could not be handled", e);
      if (!Request.ACK.equals(method)) {
        respondQuietly(event, Response.SERVER_INTERNAL_ERROR);
      }
    }
  }

  private void dispatch(RequestEvent event, Request request, String method)
      throws ParseException, SipException, InvalidArgumentException {
    if (Request.ACK.equals(method)) {
      // ACKs end Tonewall's own INVITE transactions; each leg's ACK is sent separately
      awaitedAcks.acknowledged(callId(request));
      ivr.acknowledged(callId(request));
      return;
    }
    completeRfc2543Request(request, method);
    Optional<ServerTransaction> transaction;
    try {
      transaction = serverTransaction(event);
    } catch (TransactionUnavailableException e) {
      if (!Request.NOTIFY.equals(method) || toTag(request).isPresent()) {
        throw e; // other causes (stack stopping, lock timeout, bad headers) are not a 481
      }
      // RFC 6665 4.1.3: a NOTIFY without a To tag matching no subscription (no REFER or SUBSCRIBE
      // of Tonewall's) gets 481; the stack makes no transaction for it, so the answer goes out
      // statelessly
      refused.incrementAndGet();
      ((SipProvider) event.getSource())
          .sendResponse(
              messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
      return;
    }
    if (transaction.isEmpty()) {
      return; // a retransmission the stack already handles
    }
    ServerTransaction st = transaction.get();
    if (refusedForm(st, request, method)) {
      return;
    }
    String callId = callId(request);
    Optional<CallLegs> legs = Optional.ofNullable(byCallId.get(callId));
    boolean inDialog = toTag(request).isPresent();
    if (ivr.handles(callId)) {
      if (Request.INVITE.equals(method) && !inDialog) {
        answer(st, messages.createResponse(Response.LOOP_DETECTED, request));
      } else {
        ivr.inDialog(st, request);
      }
      return;
    }
    switch (method) {
      case Request.OPTIONS -> answer(st, optionsResponse(request));
      case Request.CANCEL -> onCancel(st, request, legs);
      case Request.INVITE -> {
        if (!inDialog) {
          if (legs.isPresent()) {
            answer(st, messages.createResponse(Response.LOOP_DETECTED, request));
          } else {
            onNewInvite(st, request);
          }
        } else if (legs.isEmpty()) {
          answer(st, messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
        } else {
          relayInDialog(st, request, legs.get());
        }
      }
      case Request.BYE -> {
        if (legs.isEmpty()) {
          answer(st, messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
        } else {
          onBye(st, request, legs.get());
        }
      }
      case Request.INFO ->
          answer(
              st,
              messages.createResponse(
                  legs.isPresent() ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                  request));
      default -> {
        if (inDialog && legs.isPresent()) {
          if (Request.REFER.equals(method)) {
            legs.get().call.broken(BreakReason.TRANSFER);
          }
          relayInDialog(st, request, legs.get());
        } else if (inDialog) {
          answer(st, messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
        } else {
          Response response = messages.createResponse(Response.METHOD_NOT_ALLOWED, request);
          response.addHeader(headers.createAllowHeader(ALLOWED_METHODS));
          answer(st, response);
        }
      }
    }
  }

  /**
   * RFC 3261 8.2.1-8.2.3 checks before a request is acted on: a form defect found in the raw
   * request by {@link RequestForm} (a version other than SIP/2.0: 505; extra spaces in the
   * Request-Line, a duplicated single-valued header, a malformed name-addr: 400); headers escaped
   * into the Request-URI or a body shorter than Content-Length get 400; a Request-URI scheme other
   * than sip, sips or tel gets 416; a Require of any extension gets 420 (Tonewall supports none); a
   * body that is not SDP on an INVITE gets 415; an INVITE whose Accept excludes SDP gets 406.
   *
   * @return true when the request was answered here
   */
  private boolean refusedForm(ServerTransaction st, Request request, String method)
      throws ParseException, SipException, InvalidArgumentException {
    if (request instanceof gov.nist.javax.sip.message.SIPMessage parsed
        && parsed.getApplicationData() instanceof FormDefect defect) {
      answer(st, reject(request, defect.status(), defect.reason()));
      return true;
    }
    if (request.getRequestURI() instanceof SipURI uri && uri.getHeaderNames().hasNext()) {
      answer(st, reject(request, Response.BAD_REQUEST, "Headers in Request-URI"));
      return true;
    }
    javax.sip.header.ContentLengthHeader length = request.getContentLength();
    int received = request.getRawContent() == null ? 0 : request.getRawContent().length;
    if (length != null && length.getContentLength() > received) {
      answer(st, reject(request, Response.BAD_REQUEST, "Body shorter than Content-Length"));
      return true;
    }
    String scheme = request.getRequestURI().getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
      answer(st, messages.createResponse(Response.UNSUPPORTED_URI_SCHEME, request));
      return true;
    }
    if (!Request.CANCEL.equals(method)) {
      Header require = request.getHeader(javax.sip.header.RequireHeader.NAME);
      if (require instanceof javax.sip.header.RequireHeader extension) {
        Response refusal = messages.createResponse(Response.BAD_EXTENSION, request);
        refusal.addHeader(headers.createUnsupportedHeader(extension.getOptionTag()));
        answer(st, refusal);
        return true;
      }
    }
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    if (Request.INVITE.equals(method)
        && type != null
        && request.getRawContent() != null
        && !("application".equalsIgnoreCase(type.getContentType())
            && "sdp".equalsIgnoreCase(type.getContentSubType()))) {
      Response refusal = messages.createResponse(Response.UNSUPPORTED_MEDIA_TYPE, request);
      refusal.addHeader(headers.createAcceptHeader("application", "sdp"));
      answer(st, refusal);
      return true;
    }
    if (Request.INVITE.equals(method) && !acceptsSdp(request)) {
      answer(st, reject(request, Response.NOT_ACCEPTABLE, "Answer would be SDP"));
      return true;
    }
    return false;
  }

  /** True when the request has no Accept header or one of its values admits application/sdp. */
  private static boolean acceptsSdp(Request request) {
    java.util.ListIterator<?> accepts = request.getHeaders(javax.sip.header.AcceptHeader.NAME);
    if (accepts == null || !accepts.hasNext()) {
      return true;
    }
    while (accepts.hasNext()) {
      javax.sip.header.AcceptHeader accept = (javax.sip.header.AcceptHeader) accepts.next();
      String type = accept.getContentType() == null ? "" : accept.getContentType();
      String subType = accept.getContentSubType() == null ? "" : accept.getContentSubType();
      if ((type.equals("*") || type.equalsIgnoreCase("application"))
          && (subType.equals("*") || subType.equalsIgnoreCase("sdp"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * RFC 2543 elements send no Max-Forwards and may send an INVITE without Contact (RFC 3261
   * 8.1.1.6, 8.1.1.8); JAIN-SIP refuses a server transaction without them. Max-Forwards 70 is
   * assumed, and the From URI as the remote target, which is where RFC 2543 sent requests of the
   * dialog when there was no Contact.
   */
  private void completeRfc2543Request(Request request, String method)
      throws InvalidArgumentException, ParseException {
    if (request.getHeader(MaxForwardsHeader.NAME) == null) {
      request.setHeader(headers.createMaxForwardsHeader(70));
    }
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    if (Request.INVITE.equals(method)
        && request.getHeader(ContactHeader.NAME) == null
        && from != null) {
      Address target = addresses.createAddress((URI) from.getAddress().getURI().clone());
      request.setHeader(headers.createContactHeader(target));
    }
  }

  private void onNewInvite(ServerTransaction st, Request invite)
      throws ParseException, SipException, InvalidArgumentException {
    MaxForwardsHeader maxForwards = (MaxForwardsHeader) invite.getHeader(MaxForwardsHeader.NAME);
    if (maxForwards != null && maxForwards.getMaxForwards() <= 0) {
      answer(st, messages.createResponse(Response.TOO_MANY_HOPS, invite));
      return;
    }
    Optional<String> body = sdpBody(invite);
    if (body.isEmpty()) {
      answer(st, reject(invite, Response.NOT_ACCEPTABLE_HERE, "No SDP offer"));
      return;
    }
    AudioDescription offer;
    try {
      offer = AudioDescription.parse(body.get());
    } catch (MalformedSdpException e) {
      answer(st, reject(invite, Response.BAD_REQUEST, "Malformed SDP"));
      return;
    } catch (UnacceptableMediaException e) {
      answer(st, reject(invite, Response.NOT_ACCEPTABLE_HERE, "PCMU or PCMA required"));
      return;
    }
    Optional<IvrRoute> route = ivr.route(invite);
    if (route.isPresent()) {
      ivr.answer(st, invite, offer, route.get());
      return;
    }
    String callId = callId(invite);
    Call call = calls.open(callId, referenceValue(invite));
    MediaSession media;
    try {
      media = relay.allocate(call);
    } catch (RtpPortsExhaustedException e) {
      calls.end(call);
      Response busy = messages.createResponse(Response.SERVICE_UNAVAILABLE, invite);
      busy.addHeader(headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
      answer(st, busy);
      LOG.warning("INVITE refused with 503: " + e.getMessage());
      return;
    }
    call.attach(media);
    Optional<CallLegs> built = Optional.empty();
    try {
      answer(st, messages.createResponse(Response.TRYING, invite));
      media.expect(LegSide.CALLER, offer.address(), offer.port());
      Dialog callerDialog = provider.getNewDialog(st);
      dialogs.add(callerDialog);
      String agentCallId = provider.getNewCallId().getCallId();
      CallLegs legs =
          new CallLegs(
              callId, agentCallId, tag(), call, media, st, callerDialog, offer, random.nextLong());
      built = Optional.of(legs);
      synchronized (legs) {
        byCallId.put(callId, legs);
        byCallId.put(agentCallId, legs);
        sendAgentInvite(legs, invite, maxForwards);
      }
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      if (built.isPresent()) {
        synchronized (built.get()) {
          end(built.get());
        }
      } else {
        calls.end(call);
      }
      throw e;
    }
  }

  private void sendAgentInvite(CallLegs legs, Request invite, MaxForwardsHeader maxForwards)
      throws ParseException, SipException, InvalidArgumentException {
    Request out = agentInvite(invite, legs.agentCallId, maxForwards);
    out.setContent(
        legs.callerOffer.renderOffer(
            advertisedAddress, legs.media.port(LegSide.AGENT), legs.agentOrigin),
        sdpType());
    ClientTransaction ct = provider.getNewClientTransaction(out);
    legs.agentInvite = ct;
    legs.agentDialog = provider.getNewDialog(ct);
    dialogs.add(legs.agentDialog);
    ct.setApplicationData(
        new RelayedRequest(
            legs, legs.callerInvite, LegSide.CALLER, true, Optional.of(legs.callerOffer)));
    pending.add(ct);
    try {
      ct.sendRequest();
    } catch (SipException e) {
      pending.remove(ct);
      end(legs);
      LOG.log(Level.WARNING, "the agent's INVITE could not be sent", e);
      answer(legs.callerInvite, reject(invite, Response.SERVICE_UNAVAILABLE, "Agent unreachable"));
    }
  }

  private Request agentInvite(Request invite, String agentCallId, MaxForwardsHeader maxForwards)
      throws ParseException, InvalidArgumentException {
    URI target =
        agentUri.isPresent()
            ? addresses.createURI(agentUri.get().toString())
            : (URI) invite.getRequestURI().clone();
    FromHeader callerFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
    Address fromAddress = (Address) callerFrom.getAddress().clone();
    FromHeader from = headers.createFromHeader(fromAddress, tag());
    ToHeader to = headers.createToHeader(addresses.createAddress(target), null);
    String transport =
        target instanceof SipURI sip && sip.getTransportParam() != null
            ? sip.getTransportParam()
            : "udp";
    ViaHeader via = headers.createViaHeader(advertisedAddress, sipPort, transport, null);
    Request out =
        messages.createRequest(
            target,
            Request.INVITE,
            headers.createCallIdHeader(agentCallId),
            headers.createCSeqHeader(1L, Request.INVITE),
            from,
            to,
            List.of(via),
            headers.createMaxForwardsHeader(
                maxForwards == null ? 70 : maxForwards.getMaxForwards() - 1));
    out.addHeader(contact());
    if (referenceHeader.isPresent()) {
      Header reference = invite.getHeader(referenceHeader.get());
      if (reference != null) {
        out.addHeader((Header) reference.clone());
      }
    }
    return out;
  }

  private void onCancel(ServerTransaction st, Request cancel, Optional<CallLegs> found)
      throws ParseException, SipException, InvalidArgumentException {
    if (found.isEmpty()) {
      answer(st, messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, cancel));
      return;
    }
    answer(st, messages.createResponse(Response.OK, cancel));
    CallLegs legs = found.get();
    synchronized (legs) {
      if (legs.state != CallLegs.State.EARLY) {
        return;
      }
      legs.state = CallLegs.State.CANCELLED;
      try {
        legs.callerInvite.sendResponse(
            toCaller(legs, Response.REQUEST_TERMINATED, Optional.empty()));
        cancelAgent(legs);
      } finally {
        release(legs);
      }
    }
  }

  private void cancelAgent(CallLegs legs) throws SipException {
    if (legs.agentInvite.getState() == TransactionState.PROCEEDING) {
      provider.getNewClientTransaction(legs.agentInvite.createCancel()).sendRequest();
      legs.cancelPending = false;
    } else {
      legs.cancelPending = true; // RFC 3261 9.1: not before a provisional response
    }
  }

  private void onBye(ServerTransaction st, Request bye, CallLegs legs)
      throws ParseException, SipException, InvalidArgumentException {
    answer(st, messages.createResponse(Response.OK, bye));
    LegSide from = legs.sideOf(callId(bye));
    synchronized (legs) {
      try {
        if (legs.state == CallLegs.State.CONFIRMED) {
          sendBye(legs.dialog(from.other()));
        } else if (legs.state == CallLegs.State.EARLY && from == LegSide.AGENT) {
          legs.callerInvite.sendResponse(
              toCaller(legs, Response.REQUEST_TERMINATED, Optional.empty()));
        }
      } finally {
        end(legs);
      }
    }
  }

  private void relayInDialog(ServerTransaction st, Request request, CallLegs legs)
      throws ParseException, SipException, InvalidArgumentException {
    LegSide from = legs.sideOf(callId(request));
    String method = request.getMethod();
    synchronized (legs) {
      Optional<Dialog> target = legs.dialog(from.other());
      if (legs.state != CallLegs.State.CONFIRMED || target.isEmpty()) {
        Response busy = messages.createResponse(Response.REQUEST_PENDING, request);
        answer(st, busy);
        return;
      }
      Request out = target.get().createRequest(method);
      Optional<AudioDescription> offer = Optional.empty();
      Optional<String> body = sdpBody(request);
      if (body.isPresent()) {
        try {
          offer = Optional.of(AudioDescription.parse(body.get()));
        } catch (MalformedSdpException e) {
          answer(st, reject(request, Response.BAD_REQUEST, "Malformed SDP"));
          return;
        } catch (UnacceptableMediaException e) {
          answer(st, reject(request, Response.NOT_ACCEPTABLE_HERE, "PCMU or PCMA required"));
          return;
        }
        AudioDescription description = offer.get();
        legs.media.expect(from, description.address(), description.port());
        if (description.holds()) {
          legs.call.broken(BreakReason.HOLD);
        }
        SdpOrigin origin = legs.origin(from.other());
        origin.advance();
        out.setContent(
            description.renderOffer(advertisedAddress, legs.media.port(from.other()), origin),
            sdpType());
      } else if (request.getRawContent() != null
          && request.getHeader(ContentTypeHeader.NAME) != null) {
        out.setContent(
            request.getRawContent(), (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME));
      }
      for (String name : List.of("Refer-To", "Referred-By", "Event", "Subscription-State")) {
        Header header = request.getHeader(name);
        if (header != null) {
          out.setHeader((Header) header.clone());
        }
      }
      ClientTransaction ct = provider.getNewClientTransaction(out);
      ct.setApplicationData(new RelayedRequest(legs, st, from, false, offer));
      pending.add(ct);
      target.get().sendRequest(ct);
    }
  }

  // ---------------------------------------------------------------- responses

  @Override
  public void processResponse(ResponseEvent event) {
    ClientTransaction ct = event.getClientTransaction();
    if (ct != null && ct.getApplicationData() instanceof IvrRequest sent) {
      ivr.response(event, sent);
      return;
    }
    if (ct == null || !(ct.getApplicationData() instanceof RelayedRequest relayed)) {
      return; // stray or a response to Tonewall's own BYE/CANCEL; 2xx retransmissions are ACKed by
      // the dialog
    }
    Response response = event.getResponse();
    int status = response.getStatusCode();
    if (status >= 200) {
      pending.remove(ct);
    }
    try {
      synchronized (relayed.legs()) {
        if (relayed.initial()) {
          onAgentAnswer(event, relayed, response, status);
        } else {
          onRelayedAnswer(event, relayed, response, status);
        }
      }
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      LOG.log(Level.WARNING, "SIP response " + status + " could not be relayed", e);
    }
  }

  private void onAgentAnswer(
      ResponseEvent event, RelayedRequest relayed, Response response, int status)
      throws ParseException, SipException, InvalidArgumentException {
    CallLegs legs = relayed.legs();
    if (status == Response.TRYING) {
      return;
    }
    if (status < 200) {
      if (legs.state == CallLegs.State.CANCELLED) {
        if (legs.cancelPending) {
          cancelAgent(legs);
        }
        return;
      }
      if (legs.state == CallLegs.State.EARLY) {
        Optional<String> sdp = answerFor(legs, response);
        Response out = toCaller(legs, status, sdp);
        out.setReasonPhrase(response.getReasonPhrase());
        legs.callerInvite.sendResponse(out);
      }
      return;
    }
    if (status < 300) {
      Dialog agent = event.getDialog() != null ? event.getDialog() : legs.agentDialog;
      long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
      agent.sendAck(agent.createAck(cseq));
      if (legs.state != CallLegs.State.EARLY) {
        sendBye(Optional.of(agent)); // answered after the caller cancelled or hung up
        return;
      }
      Optional<String> sdp = answerFor(legs, response);
      if (sdp.isEmpty()) {
        sendBye(Optional.of(agent));
        legs.callerInvite.sendResponse(
            toCaller(legs, Response.NOT_ACCEPTABLE_HERE, Optional.empty()));
        end(legs);
        return;
      }
      legs.state = CallLegs.State.CONFIRMED;
      try {
        awaitedAcks.answered(legs, clock.instant()); // before sending: the ACK may come at once
        legs.callerInvite.sendResponse(toCaller(legs, status, sdp));
      } catch (SipException | RuntimeException e) {
        sendBye(Optional.of(agent));
        end(legs);
        throw e;
      }
      return;
    }
    try {
      if (legs.state == CallLegs.State.EARLY) {
        Response out = toCaller(legs, status, Optional.empty());
        out.setReasonPhrase(response.getReasonPhrase());
        legs.callerInvite.sendResponse(out);
      }
    } finally {
      end(legs); // even when the caller cannot be reached: nothing may stay allocated
    }
  }

  /**
   * The agent's SDP answer rewritten for the caller; empty when there is none or it is unusable.
   */
  private Optional<String> answerFor(CallLegs legs, Response response) {
    Optional<String> body = sdpBody(response);
    if (body.isEmpty()) {
      return Optional.empty();
    }
    try {
      AudioDescription answer = AudioDescription.parse(body.get());
      legs.media.expect(LegSide.AGENT, answer.address(), answer.port());
      legs.media.negotiate(format(answer, legs.callerOffer));
      return Optional.of(
          answer.renderAnswer(
              legs.callerOffer,
              advertisedAddress,
              legs.media.port(LegSide.CALLER),
              legs.callerOrigin));
    } catch (MalformedSdpException | UnacceptableMediaException e) {
      LOG.info(() -> "agent's SDP answer refused: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static AgentLegFormat format(AudioDescription answer, AudioDescription offer) {
    int telephoneEvent =
        answer
            .telephoneEventPayloadType()
            .or(offer::telephoneEventPayloadType)
            .orElse(DEFAULT_TELEPHONE_EVENT);
    return AgentLegFormat.of(answer.preferredAudioPayloadType(), telephoneEvent);
  }

  private void onRelayedAnswer(
      ResponseEvent event, RelayedRequest relayed, Response response, int status)
      throws ParseException, SipException, InvalidArgumentException {
    CallLegs legs = relayed.legs();
    ServerTransaction answerTo = relayed.answerTo();
    boolean invite = Request.INVITE.equals(answerTo.getRequest().getMethod());
    if (status < 200) {
      return; // provisional responses to in-dialog requests are not relayed
    }
    if (invite && status < 300 && event.getDialog() != null) {
      long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
      event.getDialog().sendAck(event.getDialog().createAck(cseq));
    }
    if (answerTo.getState() == TransactionState.TERMINATED || !legs.live()) {
      return;
    }
    Response out = messages.createResponse(status, answerTo.getRequest());
    out.setReasonPhrase(response.getReasonPhrase());
    if (status < 300) {
      out.addHeader(contact());
      Optional<String> body = sdpBody(response);
      if (body.isPresent() && relayed.offer().isPresent()) {
        try {
          AudioDescription answer = AudioDescription.parse(body.get());
          LegSide answerer = relayed.from().other();
          legs.media.expect(answerer, answer.address(), answer.port());
          if (answerer == LegSide.AGENT) {
            legs.media.negotiate(format(answer, relayed.offer().get()));
          } else {
            legs.media.negotiate(format(relayed.offer().get(), answer));
          }
          SdpOrigin origin = legs.origin(relayed.from());
          origin.advance();
          out.setContent(
              answer.renderAnswer(
                  relayed.offer().get(),
                  advertisedAddress,
                  legs.media.port(relayed.from()),
                  origin),
              sdpType());
        } catch (MalformedSdpException | UnacceptableMediaException e) {
          out = messages.createResponse(Response.NOT_ACCEPTABLE_HERE, answerTo.getRequest());
        }
      }
    }
    answerTo.sendResponse(out);
  }

  // ---------------------------------------------------------------- endings

  void sendBye(Optional<Dialog> dialog) throws SipException {
    if (dialog.isEmpty() || dialog.get().getState() != DialogState.CONFIRMED) {
      return;
    }
    Request bye = dialog.get().createRequest(Request.BYE);
    ClientTransaction ct = provider.getNewClientTransaction(bye);
    dialog.get().sendRequest(ct);
  }

  /** Ends the call: media closed, call removed, early dialogs deleted. Caller holds the lock. */
  private void end(CallLegs legs) {
    legs.state = CallLegs.State.ENDED;
    release(legs);
  }

  private void release(CallLegs legs) {
    awaitedAcks.forget(legs);
    byCallId.remove(legs.callerCallId, legs);
    byCallId.remove(legs.agentCallId, legs);
    calls.end(legs.call);
    for (LegSide side : List.of(LegSide.CALLER, LegSide.AGENT)) {
      legs.dialog(side)
          .filter(d -> d.getState() == null || d.getState() == DialogState.EARLY)
          .ifPresent(
              d -> {
                d.delete();
                dialogs.remove(d);
              });
    }
  }

  /**
   * Hangs up calls whose caller never ACKed Tonewall's 2xx within the ACK timeout: BYE to the
   * agent, the caller's dialog deleted (its 2xx retransmissions stop), media and ports freed, the
   * call ended. Called periodically (the relay's ticker) with the protocol clock's time.
   */
  public void checkAcks(Instant now) {
    ivr.tick(now);
    for (CallLegs legs : awaitedAcks.expired(now)) {
      synchronized (legs) {
        if (legs.state != CallLegs.State.CONFIRMED) {
          continue;
        }
        LOG.info(
            () -> "caller never ACKed the answer on call " + legs.callerCallId + ": hanging up");
        try {
          sendBye(legs.dialog(LegSide.AGENT));
        } catch (SipException | RuntimeException e) {
          LOG.log(Level.WARNING, "BYE to the agent failed; the call is freed anyway", e);
        } finally {
          legs.callerDialog.delete();
          dialogs.remove(legs.callerDialog);
          end(legs);
        }
      }
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return;
    }
    ClientTransaction ct = event.getClientTransaction();
    pending.remove(ct);
    if (ct.getApplicationData() instanceof IvrRequest sent) {
      ivr.timedOut(sent);
      return;
    }
    if (!(ct.getApplicationData() instanceof RelayedRequest relayed)) {
      return;
    }
    CallLegs legs = relayed.legs();
    try {
      synchronized (legs) {
        if (relayed.initial() && legs.state == CallLegs.State.EARLY) {
          try {
            legs.callerInvite.sendResponse(
                toCaller(legs, Response.REQUEST_TIMEOUT, Optional.empty()));
          } finally {
            end(legs);
          }
        } else if (!relayed.initial()
            && relayed.answerTo().getState() != TransactionState.TERMINATED) {
          relayed
              .answerTo()
              .sendResponse(
                  messages.createResponse(
                      Response.REQUEST_TIMEOUT, relayed.answerTo().getRequest()));
        }
      }
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      LOG.log(Level.WARNING, "a timed-out SIP request could not be answered", e);
    }
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
    if (!event.isServerTransaction()) {
      pending.remove(event.getClientTransaction());
    }
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    dialogs.remove(event.getDialog());
  }

  // ---------------------------------------------------------------- helpers

  private Optional<ServerTransaction> serverTransaction(RequestEvent event) throws SipException {
    if (event.getServerTransaction() != null) {
      return Optional.of(event.getServerTransaction());
    }
    try {
      SipProvider source = (SipProvider) event.getSource();
      return Optional.of(source.getNewServerTransaction(event.getRequest()));
    } catch (TransactionAlreadyExistsException e) {
      return Optional.empty();
    }
  }

  /** Sends a response Tonewall made itself, counting refusals. */
  void answer(ServerTransaction st, Response response)
      throws SipException, InvalidArgumentException {
    if (response.getStatusCode() >= 400) {
      refused.incrementAndGet();
    }
    st.sendResponse(response);
  }

  private Response toCaller(CallLegs legs, int status, Optional<String> sdp) throws ParseException {
    Response out = messages.createResponse(status, legs.callerInvite.getRequest());
    ToHeader to = (ToHeader) out.getHeader(ToHeader.NAME);
    to.setTag(legs.callerTag);
    if (status < 300) {
      out.addHeader(contact());
    }
    if (sdp.isPresent()) {
      out.setContent(sdp.get(), sdpType());
    }
    return out;
  }

  Response reject(Request request, int status, String reason) throws ParseException {
    Response response = messages.createResponse(status, request);
    response.setReasonPhrase(reason);
    return response;
  }

  Response optionsResponse(Request request) throws ParseException {
    Response response = messages.createResponse(Response.OK, request);
    response.addHeader(headers.createAllowHeader(ALLOWED_METHODS));
    response.addHeader(headers.createAcceptHeader("application", "sdp"));
    return response;
  }

  private void respondQuietly(RequestEvent event, int status) {
    try {
      Optional<ServerTransaction> st = serverTransaction(event);
      if (st.isPresent() && st.get().getState() != TransactionState.TERMINATED) {
        st.get().sendResponse(messages.createResponse(status, event.getRequest()));
      }
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      LOG.log(Level.FINE, "could not answer a failed request with " + status, e);
    }
  }

  ContactHeader contact() throws ParseException {
    SipURI uri = addresses.createSipURI("tonewall", advertisedAddress);
    uri.setPort(sipPort);
    return headers.createContactHeader(addresses.createAddress(uri));
  }

  ContentTypeHeader sdpType() throws ParseException {
    return headers.createContentTypeHeader("application", "sdp");
  }

  Optional<String> referenceValue(Request invite) {
    if (referenceHeader.isEmpty()) {
      return Optional.empty();
    }
    Header header = invite.getHeader(referenceHeader.get());
    if (header instanceof ExtensionHeader extension) {
      return Optional.ofNullable(extension.getValue()).map(String::trim);
    }
    if (header == null) {
      return Optional.empty();
    }
    String text = header.toString();
    int colon = text.indexOf(':');
    return Optional.of(text.substring(colon + 1).trim());
  }

  String tag() {
    return Long.toHexString(random.nextLong() & Long.MAX_VALUE);
  }

  static String callId(Message message) {
    return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
  }

  static Optional<String> toTag(Request request) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    return to == null ? Optional.empty() : Optional.ofNullable(to.getTag());
  }

  static Optional<String> sdpBody(Message message) {
    byte[] raw = message.getRawContent();
    ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
    if (raw == null || raw.length == 0 || type == null) {
      return Optional.empty();
    }
    if (!"application".equalsIgnoreCase(type.getContentType())
        || !"sdp".equals(type.getContentSubType().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new String(raw, StandardCharsets.UTF_8));
  }
}
