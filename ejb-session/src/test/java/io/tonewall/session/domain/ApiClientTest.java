package io.tonewall.session.domain;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiClientTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void authenticatesWithItsSecretOnly() {
    // given
    ApiClient client =
        ApiClient.register(
            "crm-1", "correct-horse-battery".toCharArray(), Set.of("sessions:read"), NOW);

    // then
    assertThat(client.authenticates("correct-horse-battery".toCharArray()), is(true));
    assertThat(client.authenticates("correct-horse-batterx".toCharArray()), is(false));
    assertThat(client.scopes(), is(Set.of("sessions:read")));
  }

  @Test
  void hashesWithFreshSalt_andNeverKeepsTheSecret() {
    // when
    SecretHash first = SecretHash.of("correct-horse-battery".toCharArray());
    SecretHash second = SecretHash.of("correct-horse-battery".toCharArray());

    // then
    assertThat(first, not(second));
    assertThat(first.encoded(), not(containsString("correct-horse")));
    assertThat(first.toString(), not(containsString(first.encoded().substring(25))));
    assertThat(
        SecretHash.parse(first.encoded()).matches("correct-horse-battery".toCharArray()), is(true));
  }

  @Test
  void rejectsShortSecret_badId_andUnknownScope() {
    assertThat(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    ApiClient.register(
                        "crm-1", "short".toCharArray(), Set.of("sessions:read"), NOW))
            .getMessage(),
        containsString("at least 16"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ApiClient.register(
                "a b", "0123456789abcdef".toCharArray(), Set.of("sessions:read"), NOW));
    assertThrows(
        IllegalArgumentException.class,
        () -> ApiClient.register("crm-1", "0123456789abcdef".toCharArray(), Set.of("root"), NOW));
  }

  @Test
  void refusesMalformedStoredHash() {
    assertThrows(IllegalArgumentException.class, () -> SecretHash.parse("plain-text"));
  }
}
