package io.tonewall.telephony.sip;

import io.tonewall.telephony.api.TransferOutcome;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.ivr.Ivr;
import io.tonewall.telephony.ivr.IvrCall;
import io.tonewall.telephony.ivr.IvrMediaListener;
import io.tonewall.telephony.ivr.IvrMediaSession;
import io.tonewall.telephony.ivr.IvrRoute;
import io.tonewall.telephony.ivr.IvrSignalling;
import io.tonewall.telephony.relay.BoundPorts;
import io.tonewall.telephony.relay.RtpPortsExhaustedException;
import io.tonewall.telephony.relay.RtpRelay;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Tonewall as the UAS of IVR calls: answers the INVITE itself with its own SDP (RFC 3264: one G.711
 * type and telephone-event from the offer), runs the {@link IvrCall} dialogue once the ACK arrives,
 * answers re-INVITE/UPDATE (hold stops the prompts, resume continues them), BYE, CANCEL, OPTIONS,
 * INFO and the NOTIFYs of its own REFER, and ends the call with BYE or a REFER back followed by
 * BYE. A REFER's outcome ({@link TransferOutcome}: accepted or failed by the NOTIFY's sipfrag,
 * declined by a final non-2xx response, else no answer) is published as {@code TRANSFER_ENDED}
 * once, when the call ends, before {@code CALL_ENDED}; only its SIP status code is taken from the
 * caller's messages. Nothing stays allocated after the call: dialog, media session and ports go
 * with it. Called by the {@link B2bua} on JAIN-SIP's threads, by the dialogue on the IVR media
 * thread and by the relay's ticker; per-call state is guarded by the call's {@link IvrLeg}.
 */
final class IvrUas {

  private static final Logger LOG = Logger.getLogger(IvrUas.class.getName());
  private static final int RETRY_AFTER_SECONDS = 5;
  private static final Duration REFER_WAIT = Duration.ofSeconds(32);
  private static final Pattern SIPFRAG_STATUS = Pattern.compile("^SIP/2\\.0\\s+(\\d{3})(?![0-9])");

  private final B2bua b2bua;
  private final MessageFactory messages;
  private final HeaderFactory headers;
  private final AddressFactory addresses;
  private final RtpRelay relay;
  private final CallRegistry calls;
  private final Ivr ivr;
  private final String advertisedAddress;
  private final Set<Dialog> dialogs;
  private final Clock clock;
  private final Duration ackTimeout;
  private final Supplier<SipProvider> provider;
  private final Map<String, IvrLeg> byCallId = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  IvrUas(
      B2bua b2bua,
      MessageFactory messages,
      HeaderFactory headers,
      AddressFactory addresses,
      RtpRelay relay,
      CallRegistry calls,
      Ivr ivr,
      String advertisedAddress,
      Set<Dialog> dialogs,
      Clock clock,
      Duration ackTimeout,
      Supplier<SipProvider> provider) {
    this.b2bua = b2bua;
    this.messages = messages;
    this.headers = headers;
    this.addresses = addresses;
    this.relay = relay;
    this.calls = calls;
    this.ivr = ivr;
    this.advertisedAddress = advertisedAddress;
    this.dialogs = dialogs;
    this.clock = clock;
    this.ackTimeout = ackTimeout;
    this.provider = provider;
  }

  /** The IVR route of a new INVITE; empty when it is to be relayed. */
  Optional<IvrRoute> route(Request invite) {
    if (!(invite.getRequestURI() instanceof SipURI uri)) {
      return Optional.empty();
    }
    return IvrRoute.of(
        Optional.ofNullable(uri.getUser()),
        Optional.ofNullable(uri.getParameter("link")),
        ivr.number());
  }

  /** Whether {@code callId} is a live IVR call. */
  boolean handles(String callId) {
    return byCallId.containsKey(callId);
  }

  /** Live IVR calls. */
  int liveCalls() {
    return byCallId.size();
  }

  /** Answers a new IVR INVITE whose offer was accepted: 200 with Tonewall's SDP, or 503. */
  void answer(ServerTransaction st, Request invite, AudioDescription offer, IvrRoute route)
      throws ParseException, SipException, InvalidArgumentException {
    BoundPorts ports;
    try {
      ports = relay.bindPorts();
    } catch (RtpPortsExhaustedException e) {
      Response busy = messages.createResponse(Response.SERVICE_UNAVAILABLE, invite);
      busy.addHeader(headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
      b2bua.answer(st, busy);
      LOG.warning("IVR INVITE refused with 503: " + e.getMessage());
      return;
    }
    String callId = B2bua.callId(invite);
    Call call = calls.openIvr(callId, b2bua.referenceValue(invite));
    IvrLeg[] built = new IvrLeg[1];
    IvrMediaSession media;
    try {
      media =
          ivr.media()
              .open(
                  ports,
                  relay::release,
                  offer.preferredAudioPayloadType(),
                  new DeferredListener(() -> built[0] == null ? null : built[0].dialogue));
    } catch (RuntimeException e) {
      relay.release(ports);
      calls.end(call);
      throw e;
    }
    try {
      media.expect(offer.address(), offer.port());
      media.negotiate(
          offer.preferredAudioPayloadType(), offer.telephoneEventPayloadType().orElse(-1));
      media.player().hold(offer.holds());
      Dialog dialog = provider.get().getNewDialog(st);
      dialogs.add(dialog);
      SdpOrigin origin = SdpOrigin.of(random.nextLong() >>> 1);
      IvrLeg leg =
          new IvrLeg(callId, call, media, st, dialog, origin, clock.instant().plus(ackTimeout));
      IvrCall dialogue =
          new IvrCall(
              call,
              media,
              ivr.prompts(),
              ivr.linkIds(),
              signalling(leg),
              clock,
              ivr.returnUri(),
              route.linkId(),
              ivr.defaultLanguage());
      leg.dialogue = dialogue;
      leg.lastOffer = offer;
      call.attach(dialogue);
      built[0] = leg;
      synchronized (leg) {
        byCallId.put(callId, leg);
        Response ok = messages.createResponse(Response.OK, invite);
        ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(b2bua.tag());
        ok.addHeader(b2bua.contact());
        ok.setContent(
            offer.renderUasAnswer(advertisedAddress, media.port(), origin), b2bua.sdpType());
        st.sendResponse(ok);
      }
    } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
      if (built[0] != null) {
        synchronized (built[0]) {
          end(built[0]);
        }
      } else {
        media.close();
        calls.end(call);
      }
      throw e;
    }
  }

  /** The caller's ACK (of the 200 or of a re-INVITE's 200): the dialogue starts once. */
  void acknowledged(String callId) {
    IvrLeg leg = byCallId.get(callId);
    if (leg == null) {
      return;
    }
    synchronized (leg) {
      if (leg.state != IvrLeg.State.ANSWERED) {
        return;
      }
      leg.state = IvrLeg.State.CONFIRMED;
    }
    leg.dialogue.start();
  }

  /** A request in an IVR call's dialog (not ACK). */
  void inDialog(ServerTransaction st, Request request)
      throws ParseException, SipException, InvalidArgumentException {
    IvrLeg leg = byCallId.get(B2bua.callId(request));
    if (leg == null) {
      b2bua.answer(
          st, messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
      return;
    }
    switch (request.getMethod()) {
      case Request.BYE -> {
        b2bua.answer(st, messages.createResponse(Response.OK, request));
        synchronized (leg) {
          end(leg);
        }
      }
      case Request.CANCEL -> b2bua.answer(st, messages.createResponse(Response.OK, request));
      case Request.INVITE, Request.UPDATE -> reoffer(st, request, leg);
      case Request.OPTIONS -> b2bua.answer(st, b2bua.optionsResponse(request));
      case Request.INFO -> b2bua.answer(st, messages.createResponse(Response.OK, request));
      case Request.NOTIFY -> onNotify(st, request, leg);
      case Request.REFER ->
          b2bua.answer(st, b2bua.reject(request, Response.FORBIDDEN, "The IVR is not transferred"));
      default -> {
        Response response = messages.createResponse(Response.METHOD_NOT_ALLOWED, request);
        response.addHeader(headers.createAllowHeader(B2bua.ALLOWED_METHODS));
        b2bua.answer(st, response);
      }
    }
  }

  /** A re-INVITE or UPDATE: a new offer answered (hold stops prompts), or the last answer again. */
  private void reoffer(ServerTransaction st, Request request, IvrLeg leg)
      throws ParseException, SipException, InvalidArgumentException {
    Optional<String> body = B2bua.sdpBody(request);
    synchronized (leg) {
      if (!leg.live()) {
        b2bua.answer(st, messages.createResponse(Response.REQUEST_TERMINATED, request));
        return;
      }
      Response ok = messages.createResponse(Response.OK, request);
      ok.addHeader(b2bua.contact());
      if (body.isPresent()) {
        AudioDescription offer;
        try {
          offer = AudioDescription.parse(body.get());
        } catch (MalformedSdpException e) {
          b2bua.answer(st, b2bua.reject(request, Response.BAD_REQUEST, "Malformed SDP"));
          return;
        } catch (UnacceptableMediaException e) {
          b2bua.answer(
              st, b2bua.reject(request, Response.NOT_ACCEPTABLE_HERE, "PCMU or PCMA required"));
          return;
        }
        leg.media.expect(offer.address(), offer.port());
        leg.media.negotiate(
            offer.preferredAudioPayloadType(), offer.telephoneEventPayloadType().orElse(-1));
        leg.media.player().hold(offer.holds());
        leg.lastOffer = offer;
        leg.origin.advance();
        ok.setContent(
            offer.renderUasAnswer(advertisedAddress, leg.media.port(), leg.origin),
            b2bua.sdpType());
      } else if (Request.INVITE.equals(request.getMethod())) {
        leg.origin.advance(); // an offerless re-INVITE: Tonewall offers what it last answered
        ok.setContent(
            leg.lastOffer.renderUasAnswer(advertisedAddress, leg.media.port(), leg.origin),
            b2bua.sdpType());
      }
      b2bua.answer(st, ok);
    }
  }

  /**
   * A NOTIFY of Tonewall's REFER: the transfer's outcome (a final sipfrag status: 2xx accepted,
   * else failed); a final one, or the subscription's end, ends the call with BYE.
   */
  private void onNotify(ServerTransaction st, Request request, IvrLeg leg)
      throws ParseException, SipException, InvalidArgumentException {
    byte[] raw = request.getRawContent();
    String fragment = raw == null ? "" : new String(raw, StandardCharsets.UTF_8).trim();
    Matcher status = SIPFRAG_STATUS.matcher(fragment);
    int code = status.find() ? Integer.parseInt(status.group(1)) : 0;
    boolean terminated =
        String.valueOf(request.getHeader("Subscription-State"))
            .toLowerCase()
            .contains("terminated");
    boolean finalStatus = code >= 200;
    if (finalStatus && code <= 699) { // a status beyond SIP's: no outcome (NO_ANSWER)
      settle(
          leg,
          code < 300 ? TransferOutcome.ACCEPTED : TransferOutcome.FAILED,
          OptionalInt.of(code));
    }
    // answered only once the outcome is noted: the transferee's BYE, which may follow the 200 at
    // once on another stack thread, must not end the call as NO_ANSWER first
    b2bua.answer(st, messages.createResponse(Response.OK, request));
    if (finalStatus || terminated) {
      hangUp(leg);
    }
  }

  /** A response to Tonewall's REFER or BYE on an IVR call. */
  void response(ResponseEvent event, IvrRequest sent) {
    int status = event.getResponse().getStatusCode();
    if (Request.REFER.equals(sent.method()) && status >= 300) {
      LOG.info(() -> "REFER of IVR call " + sent.leg().callId + " refused with " + status);
      settle(sent.leg(), TransferOutcome.DECLINED, OptionalInt.of(status));
      hangUp(sent.leg());
    }
  }

  /** Tonewall's REFER got no answer: hang up (the transfer ends {@code NO_ANSWER}). */
  void timedOut(IvrRequest sent) {
    if (Request.REFER.equals(sent.method())) {
      hangUp(sent.leg());
    }
  }

  /**
   * Notes the REFER's final outcome, the first one only and only while the transfer is under way;
   * it is published when the call ends ({@link #end}).
   */
  private static void settle(IvrLeg leg, TransferOutcome outcome, OptionalInt status) {
    if (status.isPresent() && (status.getAsInt() < 100 || status.getAsInt() > 699)) {
      return; // not a SIP status (the stack drops such responses): the transfer stays NO_ANSWER
    }
    synchronized (leg) {
      if (leg.state == IvrLeg.State.REFERRING && leg.transferOutcome.isEmpty()) {
        leg.transferOutcome = Optional.of(outcome);
        leg.transferStatus = status;
      }
    }
  }

  /**
   * Periodic checks (relay ticker): calls never ACKed are ended, transfers never reported are hung
   * up, and the dialogues' link-id timeouts are evaluated.
   */
  void tick(Instant now) {
    for (IvrLeg leg : new ArrayList<>(byCallId.values())) {
      boolean hangUp = false;
      synchronized (leg) {
        if (leg.state == IvrLeg.State.ANSWERED && !now.isBefore(leg.ackDeadline)) {
          LOG.info(() -> "caller never ACKed the IVR's answer on call " + leg.callId);
          leg.dialog.delete();
          dialogs.remove(leg.dialog);
          end(leg);
          continue;
        }
        if (leg.state == IvrLeg.State.REFERRING
            && leg.referDeadline.isPresent()
            && !now.isBefore(leg.referDeadline.get())) {
          hangUp = true;
        }
        if (leg.live() && leg.media.silentFor(ivr.mediaTimeout(), now)) {
          LOG.info(() -> "no media from the IVR caller on call " + leg.callId + ": hanging up");
          hangUp = true;
        }
      }
      if (hangUp) {
        hangUp(leg);
      } else if (leg.state == IvrLeg.State.CONFIRMED) {
        leg.dialogue.tick();
      }
    }
  }

  /** Ends every IVR call (node stopping). */
  void endAll() {
    for (IvrLeg leg : new ArrayList<>(byCallId.values())) {
      hangUp(leg);
    }
  }

  private IvrSignalling signalling(IvrLeg leg) {
    return new IvrSignalling() {
      @Override
      public void hangUp() {
        IvrUas.this.hangUp(leg);
      }

      @Override
      public void transfer(URI target) {
        refer(leg, target);
      }
    };
  }

  /** BYE (if the dialog is confirmed) and the call ended. Idempotent. */
  void hangUp(IvrLeg leg) {
    synchronized (leg) {
      if (!leg.live()) {
        return;
      }
      try {
        b2bua.sendBye(Optional.of(leg.dialog));
      } catch (SipException | RuntimeException e) {
        LOG.log(Level.WARNING, "BYE to the IVR caller failed; the call is freed anyway", e);
      } finally {
        end(leg);
      }
    }
  }

  private void refer(IvrLeg leg, URI target) {
    synchronized (leg) {
      if (!leg.live() || leg.dialog.getState() != DialogState.CONFIRMED) {
        return;
      }
      leg.state = IvrLeg.State.REFERRING;
      try {
        Request refer = leg.dialog.createRequest(Request.REFER);
        refer.addHeader(
            headers.createReferToHeader(
                addresses.createAddress(addresses.createURI(target.toString()))));
        refer.addHeader(b2bua.contact());
        ClientTransaction ct = provider.get().getNewClientTransaction(refer);
        ct.setApplicationData(new IvrRequest(leg, Request.REFER));
        leg.referDeadline = Optional.of(clock.instant().plus(REFER_WAIT));
        leg.dialog.sendRequest(ct);
        return;
      } catch (ParseException | SipException | RuntimeException e) {
        LOG.log(Level.WARNING, "REFER of IVR call " + leg.callId + " failed: hanging up", e);
        settle(leg, TransferOutcome.FAILED, OptionalInt.empty());
      }
    }
    hangUp(leg);
  }

  /**
   * Ends the call: a transfer under way reported ({@code TRANSFER_ENDED}, {@code NO_ANSWER} unless
   * its outcome is known), dialogue stopped, media closed and ports freed, call removed. Holds the
   * lock.
   */
  private void end(IvrLeg leg) {
    if (leg.state == IvrLeg.State.ENDED) {
      return;
    }
    boolean transferring = leg.state == IvrLeg.State.REFERRING;
    leg.state = IvrLeg.State.ENDED;
    if (transferring) {
      TransferOutcome outcome = leg.transferOutcome.orElse(TransferOutcome.NO_ANSWER);
      LOG.fine(() -> "transfer of IVR call " + leg.callId + " ended: " + outcome);
      leg.call.transferEnded(outcome, leg.transferStatus);
    }
    byCallId.remove(leg.callId, leg);
    if (leg.dialogue != null) {
      leg.dialogue.ended();
    }
    leg.media.close();
    calls.end(leg.call);
    if (leg.dialog.getState() == null || leg.dialog.getState() == DialogState.EARLY) {
      leg.dialog.delete();
      dialogs.remove(leg.dialog);
    }
  }

  /**
   * Forwards media events to the dialogue once it exists (the media session is opened before it).
   */
  private record DeferredListener(Supplier<IvrCall> dialogue) implements IvrMediaListener {
    @Override
    public void key(DtmfKey key) {
      IvrCall target = dialogue.get();
      if (target != null) {
        target.key(key);
      }
    }

    @Override
    public void promptsDrained() {
      IvrCall target = dialogue.get();
      if (target != null) {
        target.promptsDrained();
      }
    }
  }
}
