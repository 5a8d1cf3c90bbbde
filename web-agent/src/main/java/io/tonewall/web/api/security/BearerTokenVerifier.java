package io.tonewall.web.api.security;

import io.tonewall.session.infrastructure.keys.TokenVerificationConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the access tokens of the integrator API: a JWS in compact form, {@code alg} RS256,
 * signed with the key of {@code mp.jwt.verify.publickey} (by default Tonewall's own signing key,
 * see {@link TokenVerificationConfigSource}), {@code iss} equal to {@code mp.jwt.verify.issuer},
 * {@code exp} in the future by the injected clock, and, when {@code mp.jwt.verify.audiences} is set
 * (comma-separated), an {@code aud} among them. The scopes come from {@code groups} (else {@code
 * scope}).
 *
 * <p>A token that verified is remembered until it expires ({@link VerifiedTokens}): a client sends
 * the same token on every call, and each call is authenticated twice (Jakarta Security and JAX-RS).
 * The key, issuer and audiences are fixed for the application's life, so only the expiry is checked
 * again.
 */
@ApplicationScoped
public class BearerTokenVerifier {

  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  /** One provider for the application's life: {@code Json.createReader} looks it up every call. */
  private static final JsonReaderFactory READERS =
      JsonProvider.provider().createReaderFactory(Map.of());

  /** More tokens than the API has clients at any time; tokens live for minutes. */
  private static final int REMEMBERED_TOKENS = 4096;

  private final VerifiedTokens verified = new VerifiedTokens(REMEMBERED_TOKENS);

  private volatile PublicKey publicKey;

  @Inject
  @ConfigProperty(name = TokenVerificationConfigSource.PUBLIC_KEY)
  String publicKeyPem;

  @Inject
  @ConfigProperty(
      name = TokenVerificationConfigSource.ISSUER,
      defaultValue = TokenVerificationConfigSource.DEFAULT_ISSUER)
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String> audiences;

  @Inject Clock clock;

  /** For CDI. */
  public BearerTokenVerifier() {}

  BearerTokenVerifier(String publicKeyPem, String issuer, Optional<String> audiences, Clock clock) {
    this.publicKeyPem = publicKeyPem;
    this.issuer = issuer;
    this.audiences = audiences;
    this.clock = clock;
  }

  /**
   * The verified caller of a token.
   *
   * @throws InvalidTokenException saying why the token is refused (never echoing it)
   */
  public TokenCaller verify(String token) {
    long now = clock.instant().getEpochSecond();
    Optional<TokenCaller> known = verified.find(token, now);
    if (known.isPresent()) {
      return known.get();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("not a compact JWS (three dot-separated parts)");
    }
    JsonObject header = json(parts[0], "header");
    if (!"RS256".equals(string(header, "alg"))) {
      throw new InvalidTokenException("alg must be RS256");
    }
    checkSignature(parts);
    JsonObject claims = json(parts[1], "claims");
    if (!issuer.equals(string(claims, "iss"))) {
      throw new InvalidTokenException("issuer is not " + issuer);
    }
    long expiry = number(claims, "exp");
    if (now >= expiry) {
      throw new InvalidTokenException("token has expired");
    }
    checkAudience(claims);
    String subject = string(claims, "sub");
    if (subject == null || subject.isBlank()) {
      throw new InvalidTokenException("sub is missing");
    }
    TokenCaller caller = new TokenCaller(subject, scopes(claims));
    verified.remember(token, caller, expiry, now);
    return caller;
  }

  private void checkSignature(String[] parts) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(publicKey());
      rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rs256.verify(BASE64URL.decode(parts[2]))) {
        throw new InvalidTokenException("signature does not verify");
      }
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new InvalidTokenException("signature does not verify");
    }
  }

  private void checkAudience(JsonObject claims) {
    List<String> accepted =
        audiences.stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .filter(value -> !value.isEmpty())
            .toList();
    if (accepted.isEmpty()) {
      return;
    }
    JsonValue aud = claims.get("aud");
    Set<String> given = new LinkedHashSet<>();
    if (aud instanceof JsonString single) {
      given.add(single.getString());
    } else if (aud instanceof JsonArray many) {
      many.getValuesAs(JsonString.class).forEach(value -> given.add(value.getString()));
    }
    if (given.stream().noneMatch(accepted::contains)) {
      throw new InvalidTokenException("audience is not among " + accepted);
    }
  }

  private PublicKey publicKey() throws GeneralSecurityException {
    PublicKey key = publicKey;
    if (key == null) {
      key = parsePublicKey();
      publicKey = key;
    }
    return key;
  }

  private PublicKey parsePublicKey() throws GeneralSecurityException {
    String base64 =
        publicKeyPem
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static Set<String> scopes(JsonObject claims) {
    Set<String> scopes = new LinkedHashSet<>();
    JsonValue groups = claims.get("groups");
    if (groups instanceof JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString scope) {
          scopes.add(scope.getString());
        }
      }
    } else if (claims.get("scope") instanceof JsonString scope && !scope.getString().isBlank()) {
      scopes.addAll(List.of(scope.getString().strip().split(" +")));
    }
    return Set.copyOf(scopes);
  }

  private static JsonObject json(String part, String what) {
    try (JsonReader reader =
        READERS.createReader(
            new StringReader(new String(BASE64URL.decode(part), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (IllegalArgumentException | JsonException e) {
      throw new InvalidTokenException("the " + what + " is not base64url JSON");
    }
  }

  private static String string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString value ? value.getString() : null;
  }

  private static long number(JsonObject object, String name) {
    if (object.get(name) instanceof JsonNumber value) {
      return value.longValue();
    }
    throw new InvalidTokenException(name + " is missing");
  }
}
