package io.tonewall.session.infrastructure.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA-2048 key pair that signs access tokens (RS256). Stored as one PEM file, {@code
 * token-signing-key.pem} (PKCS#8, owner read/write only), in a directory; created there the first
 * time it is asked for. Creation is atomic (a hard link that fails when another process won), so
 * every reader of the same directory sees the same key.
 */
public final class TokenSigningKey {

  static final String FILE_NAME = "token-signing-key.pem";
  private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String PEM_END = "-----END PRIVATE KEY-----";
  private static final Map<Path, TokenSigningKey> LOADED = new ConcurrentHashMap<>();

  private final RSAPrivateCrtKey privateKey;
  private final RSAPublicKey publicKey;
  private final String keyId;

  private TokenSigningKey(RSAPrivateCrtKey privateKey) throws GeneralSecurityException {
    this.privateKey = privateKey;
    this.publicKey =
        (RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    byte[] thumb = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
    this.keyId = Base64.getUrlEncoder().withoutPadding().encodeToString(thumb).substring(0, 16);
  }

  /**
   * The key kept in {@code directory}, created there when absent.
   *
   * @throws SigningKeyUnavailableException when the directory cannot be read or written, or holds a
   *     file that is not an RSA private key
   */
  public static TokenSigningKey in(Path directory) {
    Path normalised = directory.toAbsolutePath().normalize();
    return LOADED.computeIfAbsent(normalised, TokenSigningKey::loadOrCreate);
  }

  /**
   * The directory named by system property {@code tonewall.keys.dir}, else environment variable
   * {@code TONEWALL_KEYS_DIR}, else {@code var/keys} under the working directory.
   */
  public static Path configuredDirectory() {
    String property = System.getProperty("tonewall.keys.dir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String variable = System.getenv("TONEWALL_KEYS_DIR");
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable);
    }
    return Path.of("var", "keys");
  }

  public RSAPrivateCrtKey privateKey() {
    return privateKey;
  }

  public RSAPublicKey publicKey() {
    return publicKey;
  }

  /**
   * A short, stable id of the key: the start of its SHA-256 thumbprint (JWT header {@code kid}).
   */
  public String keyId() {
    return keyId;
  }

  /** The public key as PEM ({@code BEGIN PUBLIC KEY}, X.509 SubjectPublicKeyInfo). */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(publicKey.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static TokenSigningKey loadOrCreate(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(directory, file);
      }
      return read(file);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new SigningKeyUnavailableException(
          "cannot read or create the token signing key " + file, e);
    }
  }

  private static void create(Path directory, Path file)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String pem =
        PEM_BEGIN
            + "\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded())
            + "\n"
            + PEM_END
            + "\n";
    Path temporary = Files.createTempFile(directory, ".token-signing-key", ".tmp");
    try {
      ownerOnly(temporary);
      Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
      Files.createLink(file, temporary);
    } catch (FileAlreadyExistsException raced) {
      // Another process created the key first: read theirs.
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void ownerOnly(Path path) throws IOException {
    if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static TokenSigningKey read(Path file) throws IOException, GeneralSecurityException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    int begin = pem.indexOf(PEM_BEGIN);
    int end = pem.indexOf(PEM_END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(file + " is not a PEM PKCS#8 private key");
    }
    byte[] der =
        Base64.getMimeDecoder().decode(pem.substring(begin + PEM_BEGIN.length(), end).strip());
    var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalArgumentException(file + " does not hold an RSA CRT private key");
    }
    return new TokenSigningKey(Objects.requireNonNull(crt));
  }

  @Override
  public String toString() {
    return "TokenSigningKey[kid=" + keyId + "]";
  }
}
