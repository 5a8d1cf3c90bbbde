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
 */
public record TelephonySettings(
    String bindAddress,
    int sipPort,
    int rtpPortMin,
    int rtpPortMax,
    Optional<URI> agentUri,
    int pairingCodeLength,
    int maskingLookaheadMs) {

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
      String maskingLookaheadMsText) {
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
    if (!problems.isEmpty()) {
      throw new InvalidTelephonySettingsException(problems);
    }
    return new TelephonySettings(address, port, rtpMin, rtpMax, agent, codeLength, lookahead);
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
