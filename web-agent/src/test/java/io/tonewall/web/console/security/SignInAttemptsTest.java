package io.tonewall.web.console.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

  @Test
  void delayGrowsPerName_whateverItsCase_andASuccessClearsIt() {
    SignInAttempts attempts = new SignInAttempts();
    attempts.failed("Alice");
    attempts.failed("alice");
    attempts.failed("ALICE");
    attempts.failed("bob");

    assertThat(attempts.delayFor("alice"), is(Duration.ofSeconds(2)));
    assertThat(attempts.delayFor("bob"), is(Duration.ZERO));
    assertThat(attempts.delayFor("nobody"), is(Duration.ZERO));

    attempts.succeeded("alice");
    assertThat(attempts.delayFor("Alice"), is(Duration.ZERO));
  }
}
