package io.tonewall.telephony.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits what a SIP peer receives on a TCP connection into messages (RFC 3261 18.3 framing). */
final class SipStreamReader {

  private static final Pattern LENGTH =
      Pattern.compile("(?im)^(?:content-length|l)[ \\t]*:[ \\t]*(\\d+)");

  private final Socket socket;
  private final InputStream in;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  SipStreamReader(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** The next whole message within {@code millis}, if any; empty as well once the peer closed. */
  Optional<String> next(int millis) throws IOException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    byte[] chunk = new byte[4096];
    while (true) {
      Optional<String> message = take();
      if (message.isPresent()) {
        return message;
      }
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return Optional.empty();
      }
      socket.setSoTimeout((int) Math.max(1, left));
      int read;
      try {
        read = in.read(chunk);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      if (read < 0) {
        return Optional.empty();
      }
      pending.write(chunk, 0, read);
    }
  }

  private Optional<String> take() {
    String text = pending.toString(StandardCharsets.ISO_8859_1);
    String trimmed = text.stripLeading();
    int skipped = text.length() - trimmed.length();
    int end = trimmed.indexOf("\r\n\r\n");
    if (end < 0) {
      return Optional.empty();
    }
    Matcher length = LENGTH.matcher(trimmed.substring(0, end));
    int body = length.find() ? Integer.parseInt(length.group(1)) : 0;
    int total = end + 4 + body;
    if (trimmed.length() < total) {
      return Optional.empty();
    }
    byte[] rest = text.substring(skipped + total).getBytes(StandardCharsets.ISO_8859_1);
    pending.reset();
    pending.writeBytes(rest);
    return Optional.of(trimmed.substring(0, total));
  }
}
