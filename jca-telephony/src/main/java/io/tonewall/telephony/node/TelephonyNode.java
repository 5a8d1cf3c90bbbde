package io.tonewall.telephony.node;

import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.call.PairingCodes;
import io.tonewall.telephony.ivr.Ivr;
import io.tonewall.telephony.ivr.IvrMediaLoop;
import io.tonewall.telephony.ivr.LinkIds;
import io.tonewall.telephony.ivr.PromptLibrary;
import io.tonewall.telephony.ivr.PromptLoadException;
import io.tonewall.telephony.relay.PortRange;
import io.tonewall.telephony.relay.RelayFastPath;
import io.tonewall.telephony.relay.RelayMetrics;
import io.tonewall.telephony.relay.RtpRelay;
import io.tonewall.telephony.sip.B2bua;
import io.tonewall.telephony.sip.SipEndpoint;
import io.tonewall.telephony.sip.SipEndpointException;
import io.tonewall.telephony.spi.TelephonySettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;

/**
 * One running Tonewall telephony node, assembled from its settings: the call registry, the RTP
 * relay (its loops handed to the given executor: the WorkManager in the adapter, plain threads in
 * tests) and the B2BUA on a SIP endpoint. {@link #close()} stops SIP first, ends every call, then
 * stops the relay and frees every port. Plain Java: the resource adapter and the end-to-end tests
 * start it the same way.
 */
public final class TelephonyNode implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TelephonyNode.class.getName());

  /** How long an allocated pairing code stays valid. */
  public static final Duration PAIRING_CODE_LIFETIME = Duration.ofMinutes(15);

  private final CallRegistry calls;
  private final RtpRelay relay;
  private final B2bua b2bua;
  private final SipEndpoint sip;
  private final Ivr ivr;

  private TelephonyNode(CallRegistry calls, RtpRelay relay, B2bua b2bua, SipEndpoint sip, Ivr ivr) {
    this.calls = calls;
    this.relay = relay;
    this.b2bua = b2bua;
    this.sip = sip;
    this.ivr = ivr;
  }

  /** How long an allocated IVR link id stays valid. */
  public static final Duration LINK_ID_LIFETIME = Duration.ofMinutes(30);

  /**
   * Starts a node.
   *
   * @param relayThreads runs the relay loops and the IVR media loop: {@code
   *     settings.rtpRelayThreads()} + 1 long-running tasks, all at once (a thread each)
   * @param events receives every call event; must not block
   * @throws TelephonyStartException when a port is taken, the SIP stack cannot start or an IVR
   *     prompt is missing (the message names the file)
   */
  public static TelephonyNode start(
      TelephonySettings settings,
      Clock clock,
      Executor relayThreads,
      Consumer<TelephonyEvent> events) {
    CallRegistry calls =
        new CallRegistry(
            new PairingCodes(settings.pairingCodeLength(), PAIRING_CODE_LIFETIME, clock),
            clock,
            events);
    PromptLibrary prompts;
    try {
      prompts = PromptLibrary.load(settings.ivrPromptDirectory());
    } catch (PromptLoadException e) {
      throw new TelephonyStartException(e.getMessage(), e);
    }
    AtomicReference<B2bua> b2buaHolder = new AtomicReference<>();
    RtpRelay relay;
    try {
      relay =
          RtpRelay.open(
              InetAddress.getByName(settings.bindAddress()),
              PortRange.of(settings.rtpPortMin(), settings.rtpPortMax()),
              clock,
              Duration.ofSeconds(settings.mediaTimeoutSeconds()),
              settings.maskingLookaheadMs(),
              settings.rtpRelayThreads(),
              settings.rtpFastPath(),
              now -> {
                calls.tick(now);
                B2bua answering = b2buaHolder.get();
                if (answering != null) {
                  answering.checkAcks(now);
                }
              });
    } catch (IOException | IllegalStateException e) {
      throw new TelephonyStartException("the RTP relay cannot start: " + e.getMessage(), e);
    }
    LOG.info(
        () ->
            "RTP relay: "
                + settings.rtpRelayThreads()
                + " thread(s), normal-mode RTP forwarded "
                + (relay.nativeFastPath()
                    ? "by the native fast path"
                    : "in Java ("
                        + RelayFastPath.nativeUnavailableBecause()
                            .map(reason -> settings.rtpFastPath() + ": " + reason)
                            .orElse("rtpFastPath " + settings.rtpFastPath())
                        + ")"));
    try {
      relay.start(relayThreads);
    } catch (RejectedExecutionException e) {
      throw new TelephonyStartException("no thread for the RTP relay: " + e.getMessage(), e);
    }
    IvrMediaLoop ivrMedia;
    try {
      ivrMedia = IvrMediaLoop.open(clock);
      relayThreads.execute(ivrMedia);
    } catch (IOException | RejectedExecutionException e) {
      relay.close();
      throw new TelephonyStartException("the IVR media thread cannot start: " + e.getMessage(), e);
    }
    try {
      String advertised =
          settings.advertisedAddress().isPresent()
              ? settings.advertisedAddress().get()
              : advertised(settings.bindAddress());
      Ivr ivr =
          new Ivr(
              settings.ivrNumber(),
              settings.ivrTransferTarget(advertised),
              settings.ivrReturnTarget(),
              prompts,
              new LinkIds(settings.ivrLinkIdLength(), LINK_ID_LIFETIME, clock, prompts.languages()),
              ivrMedia,
              Duration.ofSeconds(settings.mediaTimeoutSeconds()));
      SipFactory factory = SipFactory.getInstance();
      factory.setPathName("gov.nist");
      B2bua b2bua =
          new B2bua(
              factory.createMessageFactory(),
              factory.createHeaderFactory(),
              factory.createAddressFactory(),
              relay,
              calls,
              advertised,
              settings.sipPort(),
              settings.agentUri(),
              settings.callReferenceHeader(),
              clock,
              Duration.ofSeconds(settings.ackTimeoutSeconds()),
              ivr);
      b2buaHolder.set(b2bua);
      SipEndpoint sip = SipEndpoint.open(settings.bindAddress(), settings.sipPort(), b2bua);
      b2bua.bind(sip.provider());
      return new TelephonyNode(calls, relay, b2bua, sip, ivr);
    } catch (PeerUnavailableException | SipEndpointException | UnknownHostException e) {
      ivrMedia.close();
      relay.close();
      throw new TelephonyStartException(e.getMessage(), e);
    }
  }

  private static String advertised(String bindAddress) throws UnknownHostException {
    InetAddress address = InetAddress.getByName(bindAddress);
    return address.isAnyLocalAddress()
        ? InetAddress.getLocalHost().getHostAddress()
        : address.getHostAddress();
  }

  /** The registry of live calls, for the outbound connection API. */
  public CallRegistry calls() {
    return calls;
  }

  public SipEndpoint sip() {
    return sip;
  }

  /** The IVR: number, transfer number, languages, link ids. */
  public Ivr ivr() {
    return ivr;
  }

  /** What the node holds right now. */
  public TelephonyMetrics metrics() {
    RelayMetrics media = relay.metrics();
    return new TelephonyMetrics(
        calls.size(),
        b2bua.liveDialogs(),
        b2bua.pendingTransactions(),
        b2bua.stackTransactions(),
        media.sessions() + ivr.media().sessions(),
        media.portsInUse(),
        calls.pairingCodesOutstanding(),
        media.malformedPackets(),
        b2bua.requestsHandled(),
        b2bua.requestsRefused(),
        calls.leakSuspectedFrames(),
        calls.secureWindowsClosed());
  }

  /** Stops SIP, then the relay; every port is free afterwards. */
  @Override
  public void close() {
    try {
      b2bua.endIvrCalls();
      sip.close();
    } finally {
      try {
        ivr.media().close();
      } finally {
        relay.close();
      }
    }
  }
}
