package io.tonewall.session.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSubscriptionTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void refusesAUrlHoldingACardNumber_withoutRepeatingIt() {
    // when
    InvalidWebhookUrlException refused =
        assertThrows(
            InvalidWebhookUrlException.class,
            () -> WebhookSubscription.create("c", "https://example.com/4111111111111111", NOW));

    // then
    assertThat(refused.getMessage().contains("4111"), is(false));
    assertThat(refused.getMessage().contains("card number"), is(true));
    assertThat(
        WebhookSubscription.create("c", "https://example.com/4111111111111112", NOW)
            .url()
            .getPath(),
        is("/4111111111111112"));
  }

  @Test
  void generatesADistinctSecretPerSubscription() {
    // when
    WebhookSubscription first = WebhookSubscription.create("c", "https://example.com/hook", NOW);
    WebhookSubscription second = WebhookSubscription.create("c", "https://example.com/hook", NOW);

    // then
    assertThat(first.secret(), matchesPattern("whsec_[A-Za-z0-9_-]{43}"));
    assertThat(first.secret(), is(not(second.secret())));
    assertThat(first.toString(), not(matchesPattern(".*whsec_.*")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/hook",
        "example.com/hook",
        "javascript:alert(1)",
        "https:///nohost",
        "https://user:pass@example.com/hook",
        "https://example.com/hook#fragment",
        " "
      })
  void refusesUrlsThatAreNotPlainHttpOrHttps(String url) {
    // when / then
    assertThrows(InvalidWebhookUrlException.class, () -> WebhookSubscription.create("c", url, NOW));
  }
}
