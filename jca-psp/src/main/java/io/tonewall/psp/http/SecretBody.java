package io.tonewall.psp.http;

import io.tonewall.psp.spi.CardSink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A request body that may hold card digits: bytes in one array, overwritten by {@link #wipe()} once
 * the exchange is over, so that no {@code String} of a card number is ever made. Card digits are
 * appended through {@link CardSink}; everything else is appended as text.
 */
public final class SecretBody implements CardSink {
  private byte[] bytes = new byte[512];
  private int length;

  /** Appends text as UTF-8. */
  public SecretBody text(String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      put(b);
    }
    return this;
  }

  /** Appends {@code &name=value} (or {@code name=value} first), form-encoded. */
  public SecretBody formField(String name, String value) {
    formName(name);
    return text(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  /** Appends {@code &name=} so that card digits can follow through {@link #append(char)}. */
  public SecretBody formName(String name) {
    if (length > 0) {
      put((byte) '&');
    }
    return text(URLEncoder.encode(name, StandardCharsets.UTF_8)).text("=");
  }

  /** Card digits only: ASCII digits need no encoding in a form or a JSON string. */
  @Override
  public void append(char c) {
    if (c < '0' || c > '9') {
      throw new IllegalArgumentException("only digits may be appended as card data");
    }
    put((byte) c);
  }

  /** The bytes to send; the same array, wiped by {@link #wipe()}. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  /** Overwrites every byte. */
  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
    length = 0;
  }

  private void put(byte b) {
    if (length == bytes.length) {
      byte[] larger = Arrays.copyOf(bytes, bytes.length * 2);
      Arrays.fill(bytes, (byte) 0);
      bytes = larger;
    }
    bytes[length++] = b;
  }

  @Override
  public String toString() {
    return "SecretBody[" + length + " bytes]";
  }
}
