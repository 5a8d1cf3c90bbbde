package io.tonewall.session.webhook;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"session.cancelled\"}";

  @Test
  void signsTimestampDotBody_withHmacSha256OfTheSecret() {
    // given: the expected value comes from
    // printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac 'whsec_test_secret'

    // when
    String header = WebhookSignature.header("whsec_test_secret", 1_700_000_000L, BODY);

    // then
    assertThat(
        header,
        is("t=1700000000,v1=914b67c32b8a056e6035fabb2dd7804a0a3181a4564ca796d0dbc409fa3ace5c"));
  }

  @Test
  void changesSignature_whenBodyOrTimestampOrSecretChanges() {
    // given
    String original = WebhookSignature.header("whsec_test_secret", 1_700_000_000L, BODY);

    // when
    String otherBody = WebhookSignature.header("whsec_test_secret", 1_700_000_000L, BODY + " ");
    String otherTime = WebhookSignature.header("whsec_test_secret", 1_700_000_001L, BODY);
    String otherSecret = WebhookSignature.header("whsec_test_secreT", 1_700_000_000L, BODY);

    // then
    assertThat(v1(otherBody), is(not(v1(original))));
    assertThat(v1(otherTime), is(not(v1(original))));
    assertThat(v1(otherSecret), is(not(v1(original))));
  }

  private static String v1(String header) {
    return header.substring(header.indexOf("v1="));
  }
}
