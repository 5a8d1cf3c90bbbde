package io.tonewall.web.api.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

  private static final TokenCaller CALLER = new TokenCaller("client-a", Set.of("sessions:write"));

  @Test
  void findsARememberedToken_untilItsExpiry() {
    VerifiedTokens tokens = new VerifiedTokens(10);
    tokens.remember("t1", CALLER, 1_000, 900);

    assertThat(tokens.find("t1", 999), is(Optional.of(CALLER)));
    assertThat(tokens.find("t1", 1_000), is(Optional.empty()));
    assertThat(tokens.find("t2", 900), is(Optional.empty()));
    assertThat(tokens.size(), is(0));
  }

  @Test
  void dropsExpiredTokensFirst_whenFull() {
    // given one expired and one live token in a cache of two
    VerifiedTokens tokens = new VerifiedTokens(2);
    tokens.remember("old", CALLER, 100, 50);
    tokens.remember("live", CALLER, 1_000, 50);

    // when a third one comes at 500
    tokens.remember("new", CALLER, 1_000, 500);

    // then
    assertThat(tokens.size(), is(2));
    assertThat(tokens.find("live", 500), is(Optional.of(CALLER)));
    assertThat(tokens.find("new", 500), is(Optional.of(CALLER)));
  }

  @Test
  void startsAfresh_whenFullOfLiveTokens() {
    VerifiedTokens tokens = new VerifiedTokens(2);
    tokens.remember("a", CALLER, 1_000, 50);
    tokens.remember("b", CALLER, 1_000, 50);

    tokens.remember("c", CALLER, 1_000, 60);

    assertThat(tokens.size(), is(1));
    assertThat(tokens.find("a", 60), is(Optional.empty()));
    assertThat(tokens.find("c", 60), is(Optional.of(CALLER)));
  }
}
