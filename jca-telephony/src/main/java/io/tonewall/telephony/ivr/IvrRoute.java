package io.tonewall.telephony.ivr;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a new INVITE is for the IVR, and the link id it carries. The request URI's user part is
 * the IVR number ({@code pay}), or the IVR number and a link id ({@code pay-123456}), or the URI
 * has a {@code link} parameter of digits ({@code sip:pay@host;link=123456}, any user). Everything
 * else is relayed (B2BUA). Immutable.
 *
 * @param linkId the link id the URI carries, if any
 */
public record IvrRoute(Optional<String> linkId) {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");

  /**
   * The route of a request URI.
   *
   * @param user the URI's user part; empty for none
   * @param linkParameter the URI's {@code link} parameter, if any
   * @param ivrNumber the configured IVR number
   * @return empty when the call is not for the IVR
   */
  public static Optional<IvrRoute> of(
      Optional<String> user, Optional<String> linkParameter, String ivrNumber) {
    Optional<String> link =
        linkParameter.map(String::trim).filter(v -> DIGITS.matcher(v).matches());
    if (link.isPresent()) {
      return Optional.of(new IvrRoute(link));
    }
    if (user.isEmpty()) {
      return Optional.empty();
    }
    String name = user.get();
    if (name.equals(ivrNumber)) {
      return Optional.of(new IvrRoute(Optional.empty()));
    }
    String prefix = ivrNumber + "-";
    if (name.startsWith(prefix) && DIGITS.matcher(name.substring(prefix.length())).matches()) {
      return Optional.of(new IvrRoute(Optional.of(name.substring(prefix.length()))));
    }
    return Optional.empty();
  }
}
