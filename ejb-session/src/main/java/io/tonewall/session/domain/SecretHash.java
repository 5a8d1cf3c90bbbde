package io.tonewall.session.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted, slow hash of a secret (PBKDF2 with HMAC-SHA-512, 210 000 iterations, 16-byte salt), in
 * the form {@code pbkdf2-sha512$<iterations>$<salt>$<hash>}. The secret itself is never kept.
 */
public final class SecretHash {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final String PREFIX = "pbkdf2-sha512";
  private static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String encoded;

  private SecretHash(String encoded) {
    this.encoded = encoded;
  }

  /** Hashes a secret with a fresh salt. The caller wipes its array afterwards. */
  public static SecretHash of(char[] secret) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(secret, salt, ITERATIONS);
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return new SecretHash(
        PREFIX
            + "$"
            + ITERATIONS
            + "$"
            + base64.encodeToString(salt)
            + "$"
            + base64.encodeToString(hash));
  }

  /**
   * Reads a stored hash.
   *
   * @throws IllegalArgumentException when it is not in the expected form
   */
  public static SecretHash parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0]) || !parts[1].matches("[0-9]{4,7}")) {
      throw new IllegalArgumentException("not a Tonewall secret hash");
    }
    return new SecretHash(encoded);
  }

  /** True when {@code secret} is the one this hash was made from; compares in constant time. */
  public boolean matches(char[] secret) {
    String[] parts = encoded.split("\\$");
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(parts[3]);
    byte[] actual = derive(secret, base64.decode(parts[2]), Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(expected, actual);
  }

  /** The stored form. */
  public String encoded() {
    return encoded;
  }

  private static byte[] derive(char[] secret, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return PREFIX + "$…";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretHash hash && hash.encoded.equals(encoded);
  }

  @Override
  public int hashCode() {
    return encoded.hashCode();
  }
}
