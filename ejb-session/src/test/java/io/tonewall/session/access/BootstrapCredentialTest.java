package io.tonewall.session.access;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BootstrapCredentialTest {

  @Test
  void nameAndSecretKeepsColonsInTheSecret() {
    BootstrapCredential credential =
        BootstrapCredential.nameAndSecret("TONEWALL_BOOTSTRAP_ADMIN", "user:password", " ops:a:b ");

    assertThat(credential.name(), equalTo("ops"));
    assertThat(new String(credential.secret()), equalTo("a:b"));
    assertThat(credential.scopes(), equalTo(Optional.empty()));
  }

  @Test
  void malformedEntriesNameTheSettingButNeverTheSecret() {
    for (String entry : new String[] {"no-colon-s3cret", ":s3cret", "demo:"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  BootstrapCredential.nameAndSecret(
                      "TONEWALL_BOOTSTRAP_CLIENT", "id:secret", entry));
      assertThat(e.getMessage(), containsString("TONEWALL_BOOTSTRAP_CLIENT must be id:secret"));
      assertThat(e.getMessage(), not(containsString("s3cret")));
    }
  }

  @Test
  void withScopesReadsOptionalScopes() {
    BootstrapCredential all = BootstrapCredential.withScopes("TONEWALL_BOOTSTRAP_CLIENTS", "a:s");
    BootstrapCredential some =
        BootstrapCredential.withScopes(
            "TONEWALL_BOOTSTRAP_CLIENTS", "b:s:sessions:read+sessions:write");

    assertThat(all.scopes(), equalTo(Optional.empty()));
    assertThat(some.name(), equalTo("b"));
    assertThat(new String(some.secret()), equalTo("s"));
    assertThat(some.scopes(), equalTo(Optional.of(Set.of("sessions:read", "sessions:write"))));
  }

  @Test
  void withScopesRefusesAMissingSecretWithoutEchoingTheEntry() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BootstrapCredential.withScopes("TONEWALL_BOOTSTRAP_CLIENTS", "only-an-id"));

    assertThat(e.getMessage(), containsString("id:secret or id:secret:scope+scope"));
    assertThat(e.getMessage(), not(containsString("only-an-id")));
  }

  @Test
  void wipeOverwritesTheSecretAndToStringNeverShowsIt() {
    BootstrapCredential credential =
        BootstrapCredential.nameAndSecret("TONEWALL_BOOTSTRAP_ADMIN", "user:password", "ops:pw");

    assertThat(credential.toString(), not(containsString("pw")));
    credential.wipe();
    assertThat(new String(credential.secret()), equalTo("\0\0"));
  }
}
