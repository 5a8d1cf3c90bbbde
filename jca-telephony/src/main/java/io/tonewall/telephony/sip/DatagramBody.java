package io.tonewall.telephony.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body of a datagram whose message has no Content-Length: over UDP it extends to the end of the
 * datagram (RFC 3261 18.3, 20.14), as RFC 2543 elements send it (RFC 4475 3.4.1). JAIN-SIP's parser
 * reads no body then.
 */
final class DatagramBody {

  private static final Pattern CONTENT_LENGTH =
      Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:");

  private DatagramBody() {}

  /**
   * The octets after the header section, when there is no Content-Length and they are not blank.
   */
  static Optional<byte[]> withoutContentLength(byte[] datagram) {
    String text = new String(datagram, StandardCharsets.ISO_8859_1);
    int crlf = text.indexOf("\r\n\r\n");
    int lf = text.indexOf("\n\n");
    int end = crlf >= 0 && (lf < 0 || crlf <= lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
    if (end < 0 || CONTENT_LENGTH.matcher(text.substring(0, end)).find()) {
      return Optional.empty();
    }
    byte[] body = Arrays.copyOfRange(datagram, end, datagram.length);
    return text.substring(end).isBlank() ? Optional.empty() : Optional.of(body);
  }
}
