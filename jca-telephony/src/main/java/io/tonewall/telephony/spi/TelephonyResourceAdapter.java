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
    if (current != null) {
      return current;
    }
    SettingSource source = SettingSource.ofProcess();
    return TelephonySettings.parse(
        source.resolve(bindAddress, "bind.address").orElse(null),
        source.resolve(sipPort, "sip.port").orElse(null),
        source.resolve(rtpPorts, "rtp.ports").orElse(null),
        source.resolve(agentUri, "agent.uri").orElse(null),
        source.resolve(pairingCodeLength, "pairing.code.length").orElse(null),
        source.resolve(maskingLookaheadMs, "masking.lookahead.ms").orElse(null));
  }

  /** Listening state for readiness checks. */
  public TelephonyStatus status() {
    Optional<SipEndpoint> endpoint = Optional.ofNullable(sip);
    return endpoint
        .map(
            open ->
                new TelephonyStatus(
                    open.listening(), open.bindAddress(), open.port(), open.transports()))
        .orElseGet(() -> new TelephonyStatus(false, "", 0, ""));
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

  public String getMaskingLookaheadMs() {
    return maskingLookaheadMs;
  }

  public void setMaskingLookaheadMs(String maskingLookaheadMs) {
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
