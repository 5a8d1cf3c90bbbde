package io.tonewall.web.api.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BearerTokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

  private static KeyPair key;
  private static KeyPair otherKey;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
  }

  @Test
  void acceptsAValidToken_withItsGroupsAsScopes() {
    // when
    TokenCaller caller = verifier(Optional.empty()).verify(token(claims(60), key));

    // then
    assertThat(caller.clientId(), is("client-a"));
    assertThat(caller.scopes(), is(Set.of("sessions:read", "sessions:write")));
  }

  @Test
  void refusesAnExpiredToken() {
    InvalidTokenException e =
        assertThrows(
            InvalidTokenException.class,
            () -> verifier(Optional.empty()).verify(token(claims(0), key)));
    assertThat(e.getMessage(), containsString("expired"));
  }

  @Test
  void refusesATokenSignedWithAnotherKey() {
    InvalidTokenException e =
        assertThrows(
            InvalidTokenException.class,
            () -> verifier(Optional.empty()).verify(token(claims(60), otherKey)));
    assertThat(e.getMessage(), containsString("signature"));
  }

  @Test
  void refusesChangedClaims_withoutEchoingTheToken() {
    // given
    String[] parts = token(claims(60), key).split("\\.");
    String tampered =
        parts[0] + "." + encode(claims(60).replace("client-a", "client-b")) + "." + parts[2];

    // when
    InvalidTokenException e =
        assertThrows(
            InvalidTokenException.class, () -> verifier(Optional.empty()).verify(tampered));

    // then
    assertThat(e.getMessage(), not(containsString(parts[2])));
  }

  @Test
  void refusesAnotherIssuer_anotherAlgorithm_andGarbage() {
    BearerTokenVerifier verifier = verifier(Optional.empty());
    assertThrows(
        InvalidTokenException.class,
        () -> verifier.verify(token(claims(60).replace("tonewall", "elsewhere"), key)));
    String none = encode("{\"alg\":\"none\"}") + "." + encode(claims(60)) + ".";
    assertThrows(InvalidTokenException.class, () -> verifier.verify(none));
    assertThrows(InvalidTokenException.class, () -> verifier.verify("not-a-token"));
    assertThrows(InvalidTokenException.class, () -> verifier.verify("a.b.c"));
  }

  @Test
  void checksTheAudience_whenOneIsConfigured() {
    BearerTokenVerifier verifier = verifier(Optional.of("other-api, tonewall-api"));
    String withAudience = claims(60).replace("{", "{\"aud\":\"tonewall-api\",");
    assertThat(verifier.verify(token(withAudience, key)).clientId(), is("client-a"));
    assertThrows(InvalidTokenException.class, () -> verifier.verify(token(claims(60), key)));
  }

  @Test
  void refusesARememberedToken_onceItHasExpired() {
    // given a token verified once, 60 s before it expires
    MovingClock clock = new MovingClock(NOW);
    BearerTokenVerifier verifier = verifier(Optional.empty(), clock);
    String token = token(claims(60), key);
    assertThat(verifier.verify(token).clientId(), is("client-a"));
    clock.now = NOW.plusSeconds(59);
    assertThat(verifier.verify(token).clientId(), is("client-a"));

    // when it has expired
    clock.now = NOW.plusSeconds(60);
    InvalidTokenException e =
        assertThrows(InvalidTokenException.class, () -> verifier.verify(token));

    // then
    assertThat(e.getMessage(), containsString("expired"));
  }

  @Test
  void refusesATamperedCopyOfARememberedToken() {
    // given
    BearerTokenVerifier verifier = verifier(Optional.empty());
    String token = token(claims(60), key);
    verifier.verify(token);
    String[] parts = token.split("\\.");

    // when the claims are changed but the signature kept
    String tampered =
        parts[0] + "." + encode(claims(60).replace("client-a", "client-b")) + "." + parts[2];

    // then
    assertThrows(InvalidTokenException.class, () -> verifier.verify(tampered));
    assertThat(verifier.verify(token).clientId(), is("client-a"));
  }

  private static BearerTokenVerifier verifier(Optional<String> audiences) {
    return verifier(audiences, CLOCK);
  }

  private static BearerTokenVerifier verifier(Optional<String> audiences, Clock clock) {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return new BearerTokenVerifier(pem, "tonewall", audiences, clock);
  }

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {

    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String claims(long secondsLeft) {
    return "{\"iss\":\"tonewall\",\"sub\":\"client-a\",\"groups\":[\"sessions:read\","
        + "\"sessions:write\"],\"exp\":"
        + (NOW.getEpochSecond() + secondsLeft)
        + "}";
  }

  private static String token(String claims, KeyPair signer) {
    try {
      String input = encode(HEADER) + "." + encode(claims);
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(signer.getPrivate());
      rs256.update(input.getBytes(UTF_8));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
  }
}
