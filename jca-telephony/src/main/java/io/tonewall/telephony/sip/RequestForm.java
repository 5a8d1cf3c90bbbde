package io.tonewall.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the raw start line and header section of a request for what RFC 3261's grammar forbids and
 * JAIN-SIP 1.3's parser silently repairs, so that the B2BUA never sees it (RFC 4475 3.1.2.9,
 * 3.1.2.10, 3.1.2.13-3.1.2.16, 3.3.8, 3.3.9):
 *
 * <ul>
 *   <li>a protocol version other than SIP/2.0 (the parser reports SIP/2.0): 505;
 *   <li>a Request-Line not made of exactly three elements separated by single spaces: 400;
 *   <li>a second value of a single-valued header (the parser keeps one): 400;
 *   <li>a Content-Length that is not a number: 400;
 *   <li>whitespace just inside the angle brackets of a name-addr, a display name that is neither
 *       tokens nor a quoted string, or a URI with headers ({@code ?}) not enclosed in angle
 *       brackets (RFC 3261 20), in From, To, Contact, Route, Record-Route or Reply-To: 400.
 * </ul>
 *
 * Responses are not checked: a malformed response has no transaction to answer on.
 */
public final class RequestForm {

  private static final Pattern STRICT_REQUEST_LINE =
      Pattern.compile("([^ \\t]+) ([^ \\t]+) ([^ \\t]+)");
  private static final Pattern LOOSE_REQUEST_LINE =
      Pattern.compile("[ \\t]*([^ \\t]+)[ \\t]+([^ \\t]+)[ \\t]+([^ \\t]+)[ \\t]*");
  private static final Pattern VERSION = Pattern.compile("(?i)SIP/\\d+\\.\\d+");
  private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]+");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern ANGLE_SPACE = Pattern.compile("<[ \\t]|[ \\t]>");
  private static final Pattern TOKENS =
      Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+(?:[ \\t]+[A-Za-z0-9.!%*_+`'~-]+)*");
  private static final Pattern DIGITS = Pattern.compile("[ \\t]*\\d+[ \\t]*");
  private static final Map<String, String> COMPACT =
      Map.of(
          "f",
          "from",
          "t",
          "to",
          "i",
          "call-id",
          "l",
          "content-length",
          "c",
          "content-type",
          "m",
          "contact");
  private static final Set<String> SINGLE_VALUED =
      Set.of("from", "to", "call-id", "cseq", "max-forwards", "content-length", "content-type");
  private static final Set<String> NAME_ADDR =
      Set.of("from", "to", "contact", "route", "record-route", "reply-to");
  private static final Set<String> ONE_NAME_ADDR = Set.of("from", "to");

  private RequestForm() {}

  /** The first defect of the request in {@code raw}; empty when none or when it is a response. */
  public static Optional<FormDefect> check(byte[] raw) {
    String text = stripLeadingLineBreaks(new String(raw, StandardCharsets.ISO_8859_1));
    if (text.startsWith("SIP/")) {
      return Optional.empty();
    }
    int end = headerSectionEnd(text);
    String[] lines = FOLD.matcher(text.substring(0, end)).replaceAll(" ").split("\\r?\\n");
    Optional<FormDefect> start = requestLine(lines[0]);
    if (start.isPresent()) {
      return start;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      name = COMPACT.getOrDefault(name, name);
      String value = lines[i].substring(colon + 1);
      Optional<FormDefect> defect = header(name, value, seen);
      if (defect.isPresent()) {
        return defect;
      }
    }
    return Optional.empty();
  }

  private static Optional<FormDefect> requestLine(String line) {
    Matcher strict = STRICT_REQUEST_LINE.matcher(line);
    if (strict.matches()) {
      return VERSION.matcher(strict.group(3)).matches()
              && !strict.group(3).equalsIgnoreCase("SIP/2.0")
          ? Optional.of(new FormDefect(505, "Version Not Supported"))
          : Optional.empty();
    }
    return LOOSE_REQUEST_LINE.matcher(line).matches()
        ? Optional.of(new FormDefect(400, "Malformed Request-Line"))
        : Optional.empty(); // not a request line JAIN-SIP accepts either
  }

  private static Optional<FormDefect> header(String name, String value, Set<String> seen) {
    if (SINGLE_VALUED.contains(name) && !seen.add(name)) {
      return Optional.of(new FormDefect(400, "More than one " + name + " header"));
    }
    if (name.equals("content-length") && !DIGITS.matcher(value).matches()) {
      return Optional.of(new FormDefect(400, "Malformed Content-Length"));
    }
    if (!NAME_ADDR.contains(name)) {
      return Optional.empty();
    }
    String unquoted = QUOTED.matcher(value).replaceAll("\"\"");
    if (ANGLE_SPACE.matcher(unquoted).find()) {
      return Optional.of(new FormDefect(400, "Whitespace inside <> in " + name));
    }
    int angle = unquoted.indexOf('<');
    if (angle < 0 && unquoted.indexOf('?') >= 0) {
      return Optional.of(new FormDefect(400, "URI with headers outside <> in " + name));
    }
    if (ONE_NAME_ADDR.contains(name) && angle >= 0) {
      String displayName = unquoted.substring(0, angle).trim();
      if (!displayName.isEmpty()
          && !displayName.equals("\"\"")
          && !TOKENS.matcher(displayName).matches()) {
        return Optional.of(new FormDefect(400, "Malformed display name in " + name));
      }
    }
    return Optional.empty();
  }

  private static String stripLeadingLineBreaks(String text) {
    int start = 0;
    while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
      start++;
    }
    return text.substring(start);
  }

  private static int headerSectionEnd(String text) {
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    if (crlf < 0 && lf < 0) {
      return text.length();
    }
    if (crlf < 0) {
      return lf;
    }
    return lf < 0 ? crlf : Math.min(crlf, lf);
  }
}
