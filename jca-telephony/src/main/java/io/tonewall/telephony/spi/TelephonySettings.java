package io.tonewall.telephony.spi;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration of the telephony adapter. Built from the adapter's raw config
 * properties by {@link #parse}; every problem is reported at once, in one message.
 *
 * @param bindAddress address SIP and RTP bind to
 * @param sipPort SIP port for UDP and TCP
 * @param rtpPortMin first RTP port (even)
 * @param rtpPortMax last RTP port
 * @param agentUri where relayed calls go; empty means the request URI is passed through to a PBX
 * @param pairingCodeLength digits in a pairing code
 * @param maskingLookaheadMs how long the agent's audio is held back while secure
 * @param mediaTimeoutSeconds a call whose RTP stops this long in both directions is reported
 * @param callReferenceHeader SIP header of the trunk's INVITE that also finds a call, besides its
 *     Call-ID; empty when only the Call-ID is used
 * @param advertisedAddress address written into SDP {@code c=}/{@code o=} lines and SIP Via and
 *     Contact instead of the bind address (binding to 0.0.0.0, or behind NAT); empty: the bind
 *     address, or the host's address when binding to 0.0.0.0
 * @param ackTimeoutSeconds how long Tonewall waits for the caller's ACK of its 2xx before it hangs
 *     the call up (RFC 3261 Timer H is 64*T1 = 32 s, the default)
 * @param rtpRelayThreads threads (each with its own selector) the RTP relay spreads calls over;
 *     default: the available processors, at most {@value #MAX_DEFAULT_RTP_RELAY_THREADS}
 */
public record TelephonySettings(
    String bindAddress,
    int sipPort,
    int rtpPortMin,
    int rtpPortMax,
    Optional<URI> agentUri,
    int pairingCodeLength,
    int maskingLookaheadMs,
    int mediaTimeoutSeconds,
    Optional<String> callReferenceHeader,
    Optional<String> advertisedAddress,
    int ackTimeoutSeconds,
    int rtpRelayThreads) {

  /** The default of {@code rtpRelayThreads} is the available processors, at most this many. */
  public static final int MAX_DEFAULT_RTP_RELAY_THREADS = 4;

  /** The most relay threads that may be configured. */
  public static final int MAX_RTP_RELAY_THREADS = 64;

  /** Default wait for the caller's ACK: 64*T1 (RFC 3261 Timer H), 32 s. */
  public static final int DEFAULT_ACK_TIMEOUT_SECONDS = 32;

  private static final java.util.regex.Pattern IPV4 =
      java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final java.util.regex.Pattern HOST_NAME =
      java.util.regex.Pattern.compile(
          "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

  /** The six original settings, the others at their defaults. */
  public static TelephonySettings parse(
      String bindAddress,
      String sipPortText,
      String rtpPorts,
      String agentUri,
      String pairingCodeLengthText,
      String maskingLookaheadMsText) {
    return parse(
        bindAddress,
        sipPortText,
        rtpPorts,
        agentUri,
        pairingCodeLengthText,
        maskingLookaheadMsText,
        null,
        null);
  }

  /** The eight settings before the advertised address and the ACK timeout, those at defaults. */
  public static TelephonySettings parse(
      String bindAddress,
      String sipPortText,
      String rtpPorts,
      String agentUri,
      String pairingCodeLengthText,
      String maskingLookaheadMsText,
      String mediaTimeoutSecondsText,
      String callReferenceHeaderText) {
    return parse(
        bindAddress,
        sipPortText,
        rtpPorts,
        agentUri,
        pairingCodeLengthText,
        maskingLookaheadMsText,
        mediaTimeoutSecondsText,
        callReferenceHeaderText,
        null,
        null);
  }

  /** The ten settings before the relay's thread count, that one at its default. */
  public static TelephonySettings parse(
      String bindAddress,
      String sipPortText,
      String rtpPorts,
      String agentUri,
      String pairingCodeLengthText,
      String maskingLookaheadMsText,
      String mediaTimeoutSecondsText,
      String callReferenceHeaderText,
      String advertisedAddressText,
      String ackTimeoutSecondsText) {
    return parse(
        bindAddress,
        sipPortText,
        rtpPorts,
        agentUri,
        pairingCodeLengthText,
        maskingLookaheadMsText,
        mediaTimeoutSecondsText,
        callReferenceHeaderText,
        advertisedAddressText,
        ackTimeoutSecondsText,
        null);
  }

  /**
   * Checks raw settings and returns them typed.
   *
   * @throws InvalidTelephonySettingsException listing every invalid setting
   */
  public static TelephonySettings parse(
      String bindAddress,
      String sipPortText,
      String rtpPorts,
      String agentUri,
      String pairingCodeLengthText,
      String maskingLookaheadMsText,
      String mediaTimeoutSecondsText,
      String callReferenceHeaderText,
      String advertisedAddressText,
      String ackTimeoutSecondsText,
      String rtpRelayThreadsText) {
    List<String> problems = new ArrayList<>();
    Integer sipPort = number("sipPort", sipPortText, problems);
    Integer pairingCodeLength = number("pairingCodeLength", pairingCodeLengthText, problems);
    Integer maskingLookaheadMs = number("maskingLookaheadMs", maskingLookaheadMsText, problems);
    String address = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress.trim();
    try {
      InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      problems.add("bindAddress '" + address + "' is not an address of this host");
    }
    int port = sipPort == null ? 5060 : sipPort;
    if (port < 1 || port > 65535) {
      problems.add("sipPort " + port + " is outside 1-65535");
    }
    int rtpMin = 20000;
    int rtpMax = 20999;
    String range = rtpPorts == null || rtpPorts.isBlank() ? "20000-20999" : rtpPorts.trim();
    String[] bounds = range.split("-", -1);
    if (bounds.length != 2) {
      problems.add("rtpPorts '" + range + "' is not a range such as 20000-20999");
    } else {
      try {
        rtpMin = Integer.parseInt(bounds[0].trim());
        rtpMax = Integer.parseInt(bounds[1].trim());
        if (rtpMin < 1024 || rtpMax > 65535 || rtpMin >= rtpMax) {
          problems.add("rtpPorts '" + range + "' must lie within 1024-65535, low before high");
        } else if (rtpMax - rtpMin + 1 < 4) {
          problems.add("rtpPorts '" + range + "' holds fewer than 4 ports (one call needs 4)");
        }
      } catch (NumberFormatException e) {
        problems.add("rtpPorts '" + range + "' is not a range such as 20000-20999");
      }
    }
    Optional<URI> agent = Optional.empty();
    if (agentUri != null && !agentUri.isBlank()) {
      try {
        URI uri = URI.create(agentUri.trim());
        if (!"sip".equalsIgnoreCase(uri.getScheme()) && !"sips".equalsIgnoreCase(uri.getScheme())) {
          problems.add("agentUri '" + agentUri + "' is not a sip: or sips: URI");
        } else {
          agent = Optional.of(uri);
        }
      } catch (IllegalArgumentException e) {
        problems.add("agentUri '" + agentUri + "' is not a URI: " + e.getMessage());
      }
    }
    int codeLength = pairingCodeLength == null ? 6 : pairingCodeLength;
    if (codeLength < 4 || codeLength > 10) {
      problems.add("pairingCodeLength " + codeLength + " is outside 4-10");
    }
    int lookahead = maskingLookaheadMs == null ? 40 : maskingLookaheadMs;
    if (lookahead < 20 || lookahead > 200) {
      problems.add("maskingLookaheadMs " + lookahead + " is outside 20-200");
    }
    Integer mediaTimeout = number("mediaTimeoutSeconds", mediaTimeoutSecondsText, problems);
    int timeout = mediaTimeout == null ? 30 : mediaTimeout;
    if (timeout < 1 || timeout > 3600) {
      problems.add("mediaTimeoutSeconds " + timeout + " is outside 1-3600");
    }
    Optional<String> referenceHeader = Optional.empty();
    if (callReferenceHeaderText != null && !callReferenceHeaderText.isBlank()) {
      String name = callReferenceHeaderText.trim();
      if (!name.matches("[A-Za-z0-9!%'*+._`~-]+")) {
        problems.add("callReferenceHeader '" + name + "' is not a SIP header name");
      } else {
        referenceHeader = Optional.of(name);
      }
    }
    Optional<String> advertised = advertisedAddress(advertisedAddressText, problems);
    Integer ackTimeout = number("ackTimeoutSeconds", ackTimeoutSecondsText, problems);
    int ack = ackTimeout == null ? DEFAULT_ACK_TIMEOUT_SECONDS : ackTimeout;
    if (ack < 1 || ack > DEFAULT_ACK_TIMEOUT_SECONDS) {
      problems.add(
          "ackTimeoutSeconds " + ack + " is outside 1-" + DEFAULT_ACK_TIMEOUT_SECONDS + " (64*T1)");
    }
    Integer relayThreads = number("rtpRelayThreads", rtpRelayThreadsText, problems);
    int threads = relayThreads == null ? defaultRelayThreads() : relayThreads;
    if (threads < 1 || threads > MAX_RTP_RELAY_THREADS) {
      problems.add("rtpRelayThreads " + threads + " is outside 1-" + MAX_RTP_RELAY_THREADS);
    }
    if (!problems.isEmpty()) {
      throw new InvalidTelephonySettingsException(problems);
    }
    return new TelephonySettings(
        address,
        port,
        rtpMin,
        rtpMax,
        agent,
        codeLength,
        lookahead,
        timeout,
        referenceHeader,
        advertised,
        ack,
        threads);
  }

  /**
   * One relay thread per available processor, at most {@value #MAX_DEFAULT_RTP_RELAY_THREADS}: each
   * thread's share of the calls then has a core, and the adapter's WorkManager keeps threads for
   * its other work (event delivery).
   */
  private static int defaultRelayThreads() {
    return Math.max(
        1, Math.min(Runtime.getRuntime().availableProcessors(), MAX_DEFAULT_RTP_RELAY_THREADS));
  }

  /**
   * An IPv4 or IPv6 literal or a host name, never a wildcard or multicast address: what peers will
   * send SIP and RTP to. A name is not resolved here (behind NAT it may resolve only outside).
   */
  private static Optional<String> advertisedAddress(String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String value = text.trim();
    String literal =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    boolean ipv6 = literal.contains(":");
    boolean ipv4 = IPV4.matcher(literal).matches();
    if (ipv4 || ipv6) {
      try {
        InetAddress address = InetAddress.getByName(literal);
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
          problems.add(
              "advertisedAddress '"
                  + value
                  + "' is a wildcard or multicast address: give the address peers reach Tonewall at");
          return Optional.empty();
        }
        return Optional.of(address.getHostAddress());
      } catch (UnknownHostException e) {
        problems.add("advertisedAddress '" + value + "' is not a valid IP address");
        return Optional.empty();
      }
    }
    if (value.matches("[0-9.]+") || !HOST_NAME.matcher(value).matches()) {
      problems.add(
          "advertisedAddress '" + value + "' is neither an IPv4/IPv6 address nor a host name");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static Integer number(String name, String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      problems.add(name + " '" + text + "' is not a whole number");
      return null;
    }
  }
}
