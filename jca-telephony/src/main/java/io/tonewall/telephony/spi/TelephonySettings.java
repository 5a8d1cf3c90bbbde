package io.tonewall.telephony.spi;

import io.tonewall.telephony.relay.RelayFastPath;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The validated configuration of the telephony adapter. Built from the adapter's raw config
 * properties ({@link #raw()}, then {@link Raw#parse()}); every problem is reported at once, in one
 * message.
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
 * @param rtpRelayThreads threads (each with its own selector) the RTP relay places calls on;
 *     default: the available processors, at most {@value #MAX_DEFAULT_RTP_RELAY_THREADS}
 * @param rtpFastPath whether normal-mode RTP is forwarded in native code: {@code auto} (where the
 *     library is built for the platform, the default), {@code native} (required) or {@code off}
 * @param ivrNumber request-URI user part that reaches the IVR (also {@code <ivrNumber>-<link id>})
 * @param ivrTransferNumber what callers are transferred to for the IVR; empty: {@code
 *     sip:<ivrNumber>@<advertised address>:<sipPort>} (see {@link #ivrTransferTarget})
 * @param ivrReturnUri where {@code TRANSFER_BACK} refers the caller; empty: {@code agentUri}
 * @param ivrLinkIdLength digits in an IVR link id
 * @param ivrPromptDirectory folder of {@code <language>/<prompt>.wav} replacing the bundled prompts
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
    int rtpRelayThreads,
    RelayFastPath rtpFastPath,
    String ivrNumber,
    Optional<String> ivrTransferNumber,
    Optional<URI> ivrReturnUri,
    int ivrLinkIdLength,
    Optional<Path> ivrPromptDirectory) {

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

  /** Default request-URI user of the IVR. */
  public static final String DEFAULT_IVR_NUMBER = "pay";

  /** Default digits in an IVR link id. */
  public static final int DEFAULT_IVR_LINK_ID_LENGTH = 6;

  /** Starts a set of raw settings, every one unset (its default). */
  public static Raw raw() {
    return new Raw();
  }

  /**
   * The adapter's settings as the server, system properties or environment give them: text, or
   * {@code null} when unset (then the default applies). {@link #parse()} checks them all at once.
   * Not thread-safe; one per parse.
   */
  public static final class Raw {
    private String bindAddress;
    private String sipPort;
    private String rtpPorts;
    private String agentUri;
    private String pairingCodeLength;
    private String maskingLookaheadMs;
    private String mediaTimeoutSeconds;
    private String callReferenceHeader;
    private String advertisedAddress;
    private String ackTimeoutSeconds;
    private String rtpRelayThreads;
    private String rtpFastPath;
    private String ivrNumber;
    private String ivrTransferNumber;
    private String ivrReturnUri;
    private String ivrLinkIdLength;
    private String ivrPromptDirectory;

    private Raw() {}

    public Raw bindAddress(String text) {
      this.bindAddress = text;
      return this;
    }

    public Raw sipPort(String text) {
      this.sipPort = text;
      return this;
    }

    public Raw rtpPorts(String text) {
      this.rtpPorts = text;
      return this;
    }

    public Raw agentUri(String text) {
      this.agentUri = text;
      return this;
    }

    public Raw pairingCodeLength(String text) {
      this.pairingCodeLength = text;
      return this;
    }

    public Raw maskingLookaheadMs(String text) {
      this.maskingLookaheadMs = text;
      return this;
    }

    public Raw mediaTimeoutSeconds(String text) {
      this.mediaTimeoutSeconds = text;
      return this;
    }

    public Raw callReferenceHeader(String text) {
      this.callReferenceHeader = text;
      return this;
    }

    public Raw advertisedAddress(String text) {
      this.advertisedAddress = text;
      return this;
    }

    public Raw ackTimeoutSeconds(String text) {
      this.ackTimeoutSeconds = text;
      return this;
    }

    public Raw rtpRelayThreads(String text) {
      this.rtpRelayThreads = text;
      return this;
    }

    public Raw rtpFastPath(String text) {
      this.rtpFastPath = text;
      return this;
    }

    public Raw ivrNumber(String text) {
      this.ivrNumber = text;
      return this;
    }

    public Raw ivrTransferNumber(String text) {
      this.ivrTransferNumber = text;
      return this;
    }

    public Raw ivrReturnUri(String text) {
      this.ivrReturnUri = text;
      return this;
    }

    public Raw ivrLinkIdLength(String text) {
      this.ivrLinkIdLength = text;
      return this;
    }

    public Raw ivrPromptDirectory(String text) {
      this.ivrPromptDirectory = text;
      return this;
    }

    /**
     * Checks every setting and returns them typed.
     *
     * @throws InvalidTelephonySettingsException listing every invalid setting
     */
    public TelephonySettings parse() {
      return TelephonySettings.parse(this);
    }
  }

  private static TelephonySettings parse(Raw raw) {
    String bindAddress = raw.bindAddress;
    String sipPortText = raw.sipPort;
    String rtpPorts = raw.rtpPorts;
    String agentUri = raw.agentUri;
    String pairingCodeLengthText = raw.pairingCodeLength;
    String maskingLookaheadMsText = raw.maskingLookaheadMs;
    String mediaTimeoutSecondsText = raw.mediaTimeoutSeconds;
    String callReferenceHeaderText = raw.callReferenceHeader;
    String advertisedAddressText = raw.advertisedAddress;
    String ackTimeoutSecondsText = raw.ackTimeoutSeconds;
    String rtpRelayThreadsText = raw.rtpRelayThreads;
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
    RelayFastPath fastPath = fastPath(raw.rtpFastPath, problems);
    IvrSettings ivr =
        IvrSettings.parse(
            raw.ivrNumber,
            raw.ivrTransferNumber,
            raw.ivrReturnUri,
            raw.ivrLinkIdLength,
            raw.ivrPromptDirectory,
            problems);
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
        threads,
        fastPath,
        ivr.number(),
        ivr.transferNumber(),
        ivr.returnUri(),
        ivr.linkIdLength(),
        ivr.promptDirectory());
  }

  /**
   * {@code auto} when unset; {@code native} only where the library can be used here, so that a
   * server that cannot honour it says so at deployment.
   */
  private static RelayFastPath fastPath(String text, List<String> problems) {
    if (text == null || text.isBlank()) {
      return RelayFastPath.AUTO;
    }
    try {
      RelayFastPath parsed = RelayFastPath.parse(text);
      if (parsed == RelayFastPath.NATIVE) {
        RelayFastPath.nativeUnavailableBecause()
            .ifPresent(reason -> problems.add("rtpFastPath native cannot be used: " + reason));
      }
      return parsed;
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return RelayFastPath.AUTO;
    }
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

  /** The transfer number: the configured one, or {@code sip:<ivrNumber>@<address>:<sipPort>}. */
  public String ivrTransferTarget(String advertised) {
    String host = advertised.contains(":") ? "[" + advertised + "]" : advertised;
    return ivrTransferNumber.orElseGet(() -> "sip:" + ivrNumber + "@" + host + ":" + sipPort);
  }

  /** Where a caller is referred back to: {@code ivrReturnUri}, else {@code agentUri}. */
  public Optional<URI> ivrReturnTarget() {
    return ivrReturnUri.or(this::agentUri);
  }

  static Integer number(String name, String text, List<String> problems) {
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
