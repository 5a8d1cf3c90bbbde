package io.tonewall.telephony.spi;

import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.call.CallRegistry;
import io.tonewall.telephony.ivr.Ivr;
import io.tonewall.telephony.node.TelephonyNode;
import io.tonewall.telephony.node.TelephonyStartException;
import io.tonewall.telephony.sip.SipEndpoint;
import io.tonewall.telephony.spi.inbound.EventDispatcher;
import io.tonewall.telephony.spi.inbound.TelephonyActivationSpec;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The telephony resource adapter. The application server calls {@link #start} once at deployment:
 * it validates the configuration properties and starts a {@link TelephonyNode} (the RTP relay, its
 * loop as Work on the WorkManager, and the B2BUA on SIP over UDP and TCP); {@link #stop} at
 * undeployment closes everything and frees the ports. Call events go to the activated
 * message-driven beans through the {@link EventDispatcher}. Protocol time comes from the UTC system
 * clock injected here. JAIN-SIP runs its own threads (its thread pool and transport readers): they
 * cannot come from the WorkManager.
 */
@Connector(
    displayName = "Tonewall telephony",
    description = "SIP back-to-back user agent with anchored media and secure DTMF capture",
    vendorName = "Tonewall",
    eisType = "SIP/RTP",
    version = "0.1",
    transactionSupport = TransactionSupport.TransactionSupportLevel.XATransaction)
public class TelephonyResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(TelephonyResourceAdapter.class.getName());

  // Unset properties fall back to tonewall.* system properties and TONEWALL_* environment
  // variables (see SettingSource), then to the defaults of TelephonySettings.

  @ConfigProperty(description = "Address SIP and RTP bind to (default 0.0.0.0)")
  private String bindAddress;

  @ConfigProperty(description = "SIP port, UDP and TCP (default 5060)")
  private String sipPort;

  @ConfigProperty(description = "RTP port range, low-high (default 20000-20999)")
  private String rtpPorts;

  @ConfigProperty(description = "SIP URI relayed calls go to; empty: request URI passed through")
  private String agentUri;

  @ConfigProperty(description = "Digits in a pairing code (default 6)")
  private String pairingCodeLength;

  @ConfigProperty(description = "Agent audio held back while secure, in ms (default 40)")
  private String maskingLookaheadMs;

  @ConfigProperty(description = "Seconds without RTP before a call is reported (default 30)")
  private String mediaTimeoutSeconds;

  @ConfigProperty(description = "INVITE header whose value also finds a call; empty: Call-ID only")
  private String callReferenceHeader;

  @ConfigProperty(
      description =
          "Address written into SDP and SIP Via/Contact (binding to 0.0.0.0 or behind NAT);"
              + " empty: the bind address")
  private String advertisedAddress;

  @ConfigProperty(description = "Seconds to wait for the caller's ACK of a 2xx (1-32, default 32)")
  private String ackTimeoutSeconds;

  @ConfigProperty(
      description =
          "Threads the RTP relay places calls on, filling one before the next"
              + " (1-64; default: the processors, at most 4)")
  private String rtpRelayThreads;

  @ConfigProperty(
      description =
          "auto (default), native or off: whether normal-mode RTP is forwarded by the native fast"
              + " path; secure media is always handled in Java")
  private String rtpFastPath;

  @ConfigProperty(
      description = "Request-URI user of the IVR, also <number>-<link id> (default pay)")
  private String ivrNumber;

  @ConfigProperty(
      description =
          "What callers are transferred to for the IVR; default sip:<ivrNumber>@<address>:<sipPort>")
  private String ivrTransferNumber;

  @ConfigProperty(description = "Where TRANSFER_BACK refers the IVR caller; default: agentUri")
  private String ivrReturnUri;

  @ConfigProperty(description = "Digits in an IVR link id (4-12, default 6)")
  private String ivrLinkIdLength;

  @ConfigProperty(description = "Folder of <language>/<prompt>.wav; default: the bundled prompts")
  private String ivrPromptDirectory;

  private volatile TelephonySettings settings;
  private volatile TelephonyNode node;
  private volatile EventDispatcher dispatcher;

  /** Called by the server at deployment: validates settings, then starts relay and SIP. */
  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    TelephonySettings parsed;
    try {
      parsed = settings();
    } catch (InvalidTelephonySettingsException e) {
      throw new ResourceAdapterInternalException(e.getMessage(), e);
    }
    WorkManager work = context.getWorkManager();
    EventDispatcher events = new EventDispatcher(work);
    try {
      node = TelephonyNode.start(parsed, Clock.systemUTC(), workExecutor(work), events);
    } catch (TelephonyStartException e) {
      throw new ResourceAdapterInternalException(e.getMessage(), e);
    }
    dispatcher = events;
    settings = parsed;
    LOG.info(() -> "Tonewall telephony adapter started: " + status());
  }

  private static Executor workExecutor(WorkManager work) {
    return task -> {
      try {
        work.scheduleWork(new RelayLoopWork(task));
      } catch (WorkException e) {
        throw new RejectedExecutionException("the WorkManager refused the relay loop", e);
      }
    };
  }

  /** Called by the server at undeployment or shutdown: closes SIP and the relay, frees ports. */
  @Override
  public void stop() {
    TelephonyNode running = node;
    node = null;
    if (running != null) {
      running.close();
    }
    LOG.info("Tonewall telephony adapter stopped");
  }

  /** The validated settings; parsing them reports every invalid property at once. */
  public TelephonySettings settings() {
    TelephonySettings current = settings;
    if (current != null) {
      return current;
    }
    SettingSource source = SettingSource.ofProcess();
    return TelephonySettings.raw()
        .bindAddress(source.resolve(bindAddress, "bind.address").orElse(null))
        .sipPort(source.resolve(sipPort, "sip.port").orElse(null))
        .rtpPorts(source.resolve(rtpPorts, "rtp.ports").orElse(null))
        .agentUri(source.resolve(agentUri, "agent.uri").orElse(null))
        .pairingCodeLength(source.resolve(pairingCodeLength, "pairing.code.length").orElse(null))
        .maskingLookaheadMs(source.resolve(maskingLookaheadMs, "masking.lookahead.ms").orElse(null))
        .mediaTimeoutSeconds(
            source.resolve(mediaTimeoutSeconds, "media.timeout.seconds").orElse(null))
        .callReferenceHeader(
            source.resolve(callReferenceHeader, "call.reference.header").orElse(null))
        .advertisedAddress(source.resolve(advertisedAddress, "advertised.address").orElse(null))
        .ackTimeoutSeconds(source.resolve(ackTimeoutSeconds, "ack.timeout.seconds").orElse(null))
        .rtpRelayThreads(source.resolve(rtpRelayThreads, "rtp.relay.threads").orElse(null))
        .rtpFastPath(source.resolve(rtpFastPath, "rtp.fast.path").orElse(null))
        .ivrNumber(source.resolve(ivrNumber, "ivr.number").orElse(null))
        .ivrTransferNumber(source.resolve(ivrTransferNumber, "ivr.transfer.number").orElse(null))
        .ivrReturnUri(source.resolve(ivrReturnUri, "ivr.return.uri").orElse(null))
        .ivrLinkIdLength(source.resolve(ivrLinkIdLength, "ivr.link.id.length").orElse(null))
        .ivrPromptDirectory(source.resolve(ivrPromptDirectory, "ivr.prompt.directory").orElse(null))
        .parse();
  }

  /** Listening state for readiness checks. */
  public TelephonyStatus status() {
    Optional<TelephonyNode> running = Optional.ofNullable(node);
    return running
        .map(
            started -> {
              SipEndpoint open = started.sip();
              return new TelephonyStatus(
                  open.listening(),
                  open.bindAddress(),
                  open.port(),
                  open.transports(),
                  started.ivr().transferNumber(),
                  started.ivr().languages());
            })
        .orElseGet(() -> new TelephonyStatus(false, "", 0, ""));
  }

  /** Counters of what the adapter holds; zeros when it is not started. */
  public TelephonyMetrics metrics() {
    return Optional.ofNullable(node)
        .map(TelephonyNode::metrics)
        .orElseGet(() -> new TelephonyMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  /**
   * The registry of live calls.
   *
   * @throws ResourceAdapterInternalException when the adapter is not started
   */
  public CallRegistry calls() throws ResourceAdapterInternalException {
    TelephonyNode running = node;
    if (running == null) {
      throw new ResourceAdapterInternalException("the telephony adapter is not started");
    }
    return running.calls();
  }

  /**
   * The IVR of the running node.
   *
   * @throws ResourceAdapterInternalException when the adapter is not started
   */
  public Ivr ivr() throws ResourceAdapterInternalException {
    TelephonyNode running = node;
    if (running == null) {
      throw new ResourceAdapterInternalException("the telephony adapter is not started");
    }
    return running.ivr();
  }

  /** Called by the server when a message-driven bean implementing the listener deploys. */
  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    if (!(spec instanceof TelephonyActivationSpec telephony)) {
      throw new NotSupportedException("not a telephony activation spec: " + spec);
    }
    telephony.validate();
    EventDispatcher events = dispatcher;
    if (events == null) {
      throw new ResourceAdapterInternalException("the telephony adapter is not started");
    }
    events.activate(factory, telephony);
  }

  /** Called by the server when the message-driven bean undeploys. */
  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    EventDispatcher events = dispatcher;
    if (events != null) {
      events.deactivate(factory);
    }
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  public String getBindAddress() {
    return bindAddress;
  }

  public void setBindAddress(String bindAddress) {
    this.bindAddress = bindAddress;
  }

  public String getSipPort() {
    return sipPort;
  }

  public void setSipPort(String sipPort) {
    this.sipPort = sipPort;
  }

  public String getRtpPorts() {
    return rtpPorts;
  }

  public void setRtpPorts(String rtpPorts) {
    this.rtpPorts = rtpPorts;
  }

  public String getAgentUri() {
    return agentUri;
  }

  public void setAgentUri(String agentUri) {
    this.agentUri = agentUri;
  }

  public String getPairingCodeLength() {
    return pairingCodeLength;
  }

  public void setPairingCodeLength(String pairingCodeLength) {
    this.pairingCodeLength = pairingCodeLength;
  }

  public String getMediaTimeoutSeconds() {
    return mediaTimeoutSeconds;
  }

  public void setMediaTimeoutSeconds(String mediaTimeoutSeconds) {
    this.mediaTimeoutSeconds = mediaTimeoutSeconds;
  }

  public String getCallReferenceHeader() {
    return callReferenceHeader;
  }

  public void setCallReferenceHeader(String callReferenceHeader) {
    this.callReferenceHeader = callReferenceHeader;
  }

  public String getAdvertisedAddress() {
    return advertisedAddress;
  }

  public void setAdvertisedAddress(String advertisedAddress) {
    this.advertisedAddress = advertisedAddress;
  }

  public String getAckTimeoutSeconds() {
    return ackTimeoutSeconds;
  }

  public void setAckTimeoutSeconds(String ackTimeoutSeconds) {
    this.ackTimeoutSeconds = ackTimeoutSeconds;
  }

  public String getRtpRelayThreads() {
    return rtpRelayThreads;
  }

  public void setRtpRelayThreads(String rtpRelayThreads) {
    this.rtpRelayThreads = rtpRelayThreads;
  }

  public String getRtpFastPath() {
    return rtpFastPath;
  }

  public void setRtpFastPath(String rtpFastPath) {
    this.rtpFastPath = rtpFastPath;
  }

  public String getMaskingLookaheadMs() {
    return maskingLookaheadMs;
  }

  public void setMaskingLookaheadMs(String maskingLookaheadMs) {
    this.maskingLookaheadMs = maskingLookaheadMs;
  }

  public String getIvrNumber() {
    return ivrNumber;
  }

  public void setIvrNumber(String ivrNumber) {
    this.ivrNumber = ivrNumber;
  }

  public String getIvrTransferNumber() {
    return ivrTransferNumber;
  }

  public void setIvrTransferNumber(String ivrTransferNumber) {
    this.ivrTransferNumber = ivrTransferNumber;
  }

  public String getIvrReturnUri() {
    return ivrReturnUri;
  }

  public void setIvrReturnUri(String ivrReturnUri) {
    this.ivrReturnUri = ivrReturnUri;
  }

  public String getIvrLinkIdLength() {
    return ivrLinkIdLength;
  }

  public void setIvrLinkIdLength(String ivrLinkIdLength) {
    this.ivrLinkIdLength = ivrLinkIdLength;
  }

  public String getIvrPromptDirectory() {
    return ivrPromptDirectory;
  }

  public void setIvrPromptDirectory(String ivrPromptDirectory) {
    this.ivrPromptDirectory = ivrPromptDirectory;
  }

  // The JCA specification asks for equals/hashCode on adapter JavaBeans; identity is correct for
  // a singleton adapter instance.
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
