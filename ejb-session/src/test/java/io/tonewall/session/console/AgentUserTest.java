package io.tonewall.session.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AgentUserTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void authenticatesItsPasswordOnly() {
    AgentUser user =
        AgentUser.register("alice", "correct horse".toCharArray(), Set.of(ConsoleRole.AGENT), NOW);
    assertThat(user.authenticates("correct horse".toCharArray()), is(true));
    assertThat(user.authenticates("correct horsf".toCharArray()), is(false));
    assertThat(user.toString(), not(containsString("correct")));
  }

  @Test
  void refusesShortPasswords_badNames_andNoRole_withoutRepeatingThePassword() {
    IllegalArgumentException shortPassword =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AgentUser.register(
                    "alice", "secret1".toCharArray(), Set.of(ConsoleRole.AGENT), NOW));
    assertThat(shortPassword.getMessage(), not(containsString("secret1")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AgentUser.register(
                "a b", "long enough pw".toCharArray(), Set.of(ConsoleRole.AGENT), NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> AgentUser.register("alice", "long enough pw".toCharArray(), Set.of(), NOW));
  }

  @Test
  void keepsRolesAndTheCurrentSession() {
    AgentUser user =
        AgentUser.register(
            "bob", "long enough pw".toCharArray(), EnumSet.allOf(ConsoleRole.class), NOW);
    UUID session = UUID.randomUUID();
    user.workOn(Optional.of(session));
    user.changeRoles(Set.of(ConsoleRole.SUPERVISOR));
    assertThat(user.roles(), is(Set.of(ConsoleRole.SUPERVISOR)));
    assertThat(user.currentSession(), is(Optional.of(session)));
    assertThat(ConsoleRole.of("administrator"), is(ConsoleRole.ADMINISTRATOR));
    assertThrows(IllegalArgumentException.class, () -> ConsoleRole.of("root"));
  }

  @Test
  void signInDelayGrowsWithFailures_upToAMaximum() {
    assertThat(SignInDelay.after(0), is(Duration.ZERO));
    assertThat(SignInDelay.after(1), is(Duration.ZERO));
    assertThat(SignInDelay.after(2), is(Duration.ofSeconds(1)));
    assertThat(SignInDelay.after(3), is(Duration.ofSeconds(2)));
    assertThat(SignInDelay.after(6), is(Duration.ofSeconds(16)));
    assertThat(SignInDelay.after(50), is(SignInDelay.MAX));
    assertThrows(IllegalArgumentException.class, () -> SignInDelay.after(-1));
  }
}
