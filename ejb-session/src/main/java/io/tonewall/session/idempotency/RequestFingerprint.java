package io.tonewall.session.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/** SHA-256 (hex) of a request's method, path and body: what "the same request" means. */
public record RequestFingerprint(String hex) {

  public RequestFingerprint {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a request fingerprint is 64 lower-case hex digits");
    }
  }

  /** The fingerprint of {@code method path} with {@code body}. */
  public static RequestFingerprint of(String method, String path, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(method.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(body);
      return new RequestFingerprint(HexFormat.of().formatHex(sha.digest()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
