package io.tonewall.session.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a webhook: {@code t=<unix seconds>,v1=<hex>}, where the hex is
 * HMAC-SHA256, keyed with the subscription's secret (its UTF-8 bytes, {@code whsec_} prefix
 * included), over {@code "<t>.<body>"} (the timestamp, a dot, and the exact body bytes sent).
 */
public final class WebhookSignature {

  public static final String HEADER = "Tonewall-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  private static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }
}
