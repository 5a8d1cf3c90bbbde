package io.tonewall.session.infrastructure.keys;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Offers MicroProfile JWT what it needs to verify Tonewall's own access tokens: {@code
 * mp.jwt.verify.publickey} (the public half of {@link TokenSigningKey}, read or created on first
 * use) and {@code mp.jwt.verify.issuer} (default {@value #DEFAULT_ISSUER}). Its ordinal is below
 * every standard source, so an operator can still set either property (for example to trust an
 * external authorisation server). Registered through {@code META-INF/services}, in the EJB jar so
 * that both the Payara Micro WAR and the EAR see it.
 */
public final class TokenVerificationConfigSource implements ConfigSource {

  public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  public static final String ISSUER = "mp.jwt.verify.issuer";
  public static final String DEFAULT_ISSUER = "tonewall";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, ISSUER);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(PUBLIC_KEY, publicKey(), ISSUER, DEFAULT_ISSUER);
  }

  @Override
  public String getValue(String propertyName) {
    if (PUBLIC_KEY.equals(propertyName)) {
      return publicKey();
    }
    if (ISSUER.equals(propertyName)) {
      return DEFAULT_ISSUER;
    }
    return null;
  }

  @Override
  public String getName() {
    return "tonewall-token-verification";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }

  private static String publicKey() {
    return TokenSigningKey.in(TokenSigningKey.configuredDirectory()).publicKeyPem();
  }
}
