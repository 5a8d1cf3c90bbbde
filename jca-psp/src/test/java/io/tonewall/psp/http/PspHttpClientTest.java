package io.tonewall.psp.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.tonewall.psp.testing.SilentWireMock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PspHttpClientTest {
  private WireMockServer server;
  private PspHttpClient client;

  @BeforeEach
  void start() {
    server = SilentWireMock.start();
    client = new PspHttpClient(Duration.ofMillis(500), Duration.ofMillis(1000), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private HttpExchange send(String base, SecretBody body) {
    return client.send("POST", URI.create(base + "/pay"), Map.of("Idempotency-Key", "k1"), body);
  }

  @Test
  void sendsHeadersAndBody_andWipesTheBodyAfterwards() {
    // given
    server.stubFor(post("/pay").willReturn(ok("{}")));
    SecretBody body = new SecretBody().formField("amount", "1000").formName("number");
    "4242".chars().forEach(c -> body.append((char) c));

    // when
    HttpExchange exchange = send(server.baseUrl(), body);

    // then
    assertThat(exchange, is(new HttpExchange.Answered(200, "{}")));
    server.verify(
        postRequestedFor(urlEqualTo("/pay"))
            .withHeader("Idempotency-Key", equalTo("k1"))
            .withRequestBody(equalTo("amount=1000&number=4242")));
    assertThat(body.length(), is(0));
    for (byte b : body.bytes()) {
      assertThat(b, is((byte) 0));
    }
  }

  @Test
  void classifiesRefusedConnectionAsNotSent() {
    assertThat(
        send("http://127.0.0.1:9", new SecretBody()), instanceOf(HttpExchange.NotSent.class));
  }

  @Test
  void classifiesUnresolvableHostAsNotSent() {
    assertThat(
        send("http://psp.invalid", new SecretBody()), instanceOf(HttpExchange.NotSent.class));
  }

  @Test
  void classifiesReadTimeOutAsLost() {
    // given
    server.stubFor(post("/pay").willReturn(ok("{}").withFixedDelay(2000)));

    // then
    assertThat(send(server.baseUrl(), new SecretBody()), instanceOf(HttpExchange.Lost.class));
  }

  @Test
  void classifiesEmptyReplyAsLost() {
    // given
    server.stubFor(post("/pay").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    // then
    assertThat(send(server.baseUrl(), new SecretBody()), instanceOf(HttpExchange.Lost.class));
  }

  @Test
  void passesServerErrorsOnAsAnswers() {
    // given
    server.stubFor(post("/pay").willReturn(aResponse().withStatus(502).withBody("bad gateway")));

    // when
    HttpExchange exchange = send(server.baseUrl(), new SecretBody());

    // then
    assertThat(((HttpExchange.Answered) exchange).isServerError(), is(true));
  }
}
