package io.tonewall.telephony.spi;

import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.sip.SipEndpoint;
import io.tonewall.telephony.sip.SipEndpointException;
import io.tonewall.telephony.sip.SipRequestHandler;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.transaction.xa.XAResource;

/**
 * The telephony resource adapter. The application server calls {@link #start} once at deployment:
 * it validates the configuration properties and starts SIP on UDP and TCP; {@link #stop} at
 * undeployment closes everything and frees the ports.
 */
@Connector(
    displayName = "Tonewall telephony",
    description = "SIP back-to-back user agent with anchored media and secure DTMF capture",
    vendorName = "Tonewall",
    eisType = "SIP/RTP",
    version = "0.1",
    transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class TelephonyResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(TelephonyResourceAdapter.class.getName());

  @ConfigProperty(defaultValue = "0.0.0.0", description = "Address SIP and RTP bind to")
  private String bindAddress = "0.0.0.0";

  @ConfigProperty(defaultValue = "5060", description = "SIP port, UDP and TCP")
  private Integer sipPort = 5060;

  @ConfigProperty(defaultValue = "20000-20999", description = "RTP port range, low-high")
  private String rtpPorts = "20000-20999";

  @ConfigProperty(
      defaultValue = "",
      description = "SIP URI relayed calls go to; empty: pass through")
  private String agentUri = "";

  @ConfigProperty(defaultValue = "6", description = "Digits in a pairing code")
  private Integer pairingCodeLength = 6;

  @ConfigProperty(defaultValue = "40", description = "Agent audio held back while secure, ms")
  private Integer maskingLookaheadMs = 40;

  private volatile TelephonySettings settings;
  private volatile SipEndpoint sip;

  /** Called by the server at deployment: validates settings, then starts SIP. */
  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    TelephonySettings parsed;
    try {
      parsed = settings();
    } catch (InvalidTelephonySettingsException e) {
      throw new ResourceAdapterInternalException(e.getMessage(), e);
    }
    try {
      SipFactory factory = SipFactory.getInstance();
      SipRequestHandler handler =
          new SipRequestHandler(factory.createMessageFactory(), factory.createHeaderFactory());
      sip = SipEndpoint.open(parsed.bindAddress(), parsed.sipPort(), handler);
    } catch (PeerUnavailableException | SipEndpointException e) {
      throw new ResourceAdapterInternalException(e.getMessage(), e);
    }
    settings = parsed;
    LOG.info(() -> "Tonewall telephony adapter started: " + status());
  }

  /** Called by the server at undeployment or shutdown: closes SIP and frees every port. */
  @Override
  public void stop() {
    SipEndpoint endpoint = sip;
    sip = null;
    if (endpoint != null) {
      endpoint.close();
    }
    LOG.info("Tonewall telephony adapter stopped");
  }

  /** The validated settings; parsing them reports every invalid property at once. */
  public TelephonySettings settings() {
    TelephonySettings current = settings;
    return current != null
        ? current
        : TelephonySettings.parse(
            bindAddress, sipPort, rtpPorts, agentUri, pairingCodeLength, maskingLookaheadMs);
  }

  /** Listening state for readiness checks. */
  public TelephonyStatus status() {
    Optional<SipEndpoint> endpoint = Optional.ofNullable(sip);
    return new TelephonyStatus(
        endpoint.map(SipEndpoint::listening).orElse(false),
        endpoint.map(SipEndpoint::bindAddress).orElse(bindAddress),
        endpoint.map(SipEndpoint::port).orElse(sipPort),
        endpoint.map(SipEndpoint::transports).orElse(""));
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    throw new jakarta.resource.NotSupportedException(
        "inbound call events are not offered by this version of the adapter");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    // Nothing is activated, so nothing is deactivated.
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

  public Integer getSipPort() {
    return sipPort;
  }

  public void setSipPort(Integer sipPort) {
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

  public Integer getPairingCodeLength() {
    return pairingCodeLength;
  }

  public void setPairingCodeLength(Integer pairingCodeLength) {
    this.pairingCodeLength = pairingCodeLength;
  }

  public Integer getMaskingLookaheadMs() {
    return maskingLookaheadMs;
  }

  public void setMaskingLookaheadMs(Integer maskingLookaheadMs) {
    this.maskingLookaheadMs = maskingLookaheadMs;
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
