package io.tonewall.web.api.security;

import io.tonewall.session.infrastructure.keys.TokenSigningKey;
import io.tonewall.session.infrastructure.keys.TokenVerificationConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256 access tokens (JWS compact form) that MicroProfile JWT verifies: {@code iss} (the
 * configured {@code mp.jwt.verify.issuer}), {@code sub} and {@code upn} (the client id), {@code
 * groups} (the granted scopes, so they are the roles), {@code scope}, {@code iat}, {@code exp}
 * ({@code tonewall.oauth.token-lifetime-seconds}, default 300) and a fresh {@code jti}.
 */
@ApplicationScoped
public class AccessTokens {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  @Inject
  @ConfigProperty(
      name = TokenVerificationConfigSource.ISSUER,
      defaultValue = TokenVerificationConfigSource.DEFAULT_ISSUER)
  String issuer;

  @Inject
  @ConfigProperty(name = "tonewall.oauth.token-lifetime-seconds", defaultValue = "300")
  long lifetimeSeconds;

  @Inject Clock clock;

  /** A token for {@code clientId} carrying {@code scopes}. */
  public IssuedToken issue(String clientId, Set<String> scopes) {
    TokenSigningKey key = TokenSigningKey.in(TokenSigningKey.configuredDirectory());
    Instant now = clock.instant();
    Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
    String scope = String.join(" ", new TreeSet<>(scopes));
    JsonArrayBuilder groups = Json.createArrayBuilder();
    new TreeSet<>(scopes).forEach(groups::add);
    JsonObject header =
        Json.createObjectBuilder()
            .add("alg", "RS256")
            .add("typ", "JWT")
            .add("kid", key.keyId())
            .build();
    JsonObject claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", clientId)
            .add("upn", clientId)
            .add("groups", groups)
            .add("scope", scope)
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(lifetime).getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build();
    String signingInput = encode(header.toString()) + "." + encode(claims.toString());
    return new IssuedToken(
        signingInput + "." + sign(key, signingInput), lifetime.toSeconds(), scope);
  }

  private static String encode(String json) {
    return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(TokenSigningKey key, String signingInput) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key.privateKey());
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an access token with " + key, e);
    }
  }

  /**
   * An access token and what the token response says of it.
   *
   * @param value the JWT
   * @param expiresInSeconds its lifetime
   * @param scope the granted scopes, space-separated
   */
  public record IssuedToken(String value, long expiresInSeconds, String scope) {

    @Override
    public String toString() {
      return "IssuedToken[scope=" + scope + ", expiresIn=" + expiresInSeconds + "]";
    }
  }
}
