package io.tonewall.web.console.push;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class PushOriginFilterTest {

  @Test
  void acceptsTheConsolesOwnOrigin_withOrWithoutTheDefaultPort() {
    assertThat(
        PushOriginFilter.sameOrigin("http://localhost:8080", "localhost:8080", false), is(true));
    assertThat(
        PushOriginFilter.sameOrigin("https://pay.example", "pay.example:443", true), is(true));
    assertThat(
        PushOriginFilter.sameOrigin("HTTP://LOCALHOST:8080", "localhost:8080", false), is(true));
  }

  @Test
  void refusesOtherHostsPortsSchemes_andMissingOrMalformedOrigins() {
    assertThat(
        PushOriginFilter.sameOrigin("http://evil.example", "localhost:8080", false), is(false));
    assertThat(
        PushOriginFilter.sameOrigin("http://localhost:8081", "localhost:8080", false), is(false));
    assertThat(PushOriginFilter.sameOrigin("http://pay.example", "pay.example", true), is(false));
    assertThat(PushOriginFilter.sameOrigin("null", "localhost:8080", false), is(false));
    assertThat(PushOriginFilter.sameOrigin(null, "localhost:8080", false), is(false));
    assertThat(PushOriginFilter.sameOrigin("http://localhost:8080", null, false), is(false));
    assertThat(PushOriginFilter.sameOrigin("http://local host", "localhost", false), is(false));
  }
}
