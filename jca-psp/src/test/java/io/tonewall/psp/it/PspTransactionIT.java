package io.tonewall.psp.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PSP adapter in Payara Micro's JTA transactions: an authorisation in a transaction that rolls
 * back is cancelled at Stripe; one that commits is captured after commit. The RAR and its XA pool
 * come from {@code it/postboot-it.asadmin}; WireMock runs here, in the test JVM.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PspTransactionIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static WireMockServer stripe;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive application() {
    return ShrinkWrap.create(WebArchive.class, "psp-it.war").addClass(PspTransactionServlet.class);
  }

  @BeforeAll
  static void startStripe() {
    stripe =
        new WireMockServer(
            options()
                .port(Integer.getInteger("psp.it.wiremockPort", 18089))
                .bindAddress("127.0.0.1"));
    stripe.start();
  }

  @AfterAll
  static void stopStripe() {
    stripe.stop();
  }

  private static String intent(String id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"payment_intent\",\"amount\":1000,"
        + "\"currency\":\"gbp\",\"status\":\""
        + status
        + "\"}";
  }

  private String run(String key, String end) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "psp-tx?key=" + key + "&end=" + end))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.body(), response.statusCode(), is(200));
    return response.body();
  }

  @Test
  void voidReachesStripe_whenTheTransactionRollsBack() throws Exception {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .withHeader("Idempotency-Key", equalTo("it-rollback"))
            .willReturn(okJson(intent("pi_it_rb", "requires_capture"))));
    stripe.stubFor(
        post("/v1/payment_intents/pi_it_rb/cancel")
            .willReturn(okJson(intent("pi_it_rb", "canceled"))));

    // when
    String answer = run("it-rollback", "rollback");

    // then
    assertThat(answer, is("APPROVED pi_it_rb rollback"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_it_rb/cancel"))
            .withHeader("Idempotency-Key", equalTo("it-rollback.undo")));
    stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_it_rb/capture")));
  }

  @Test
  void captureFollowsCommit() throws Exception {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .withHeader("Idempotency-Key", equalTo("it-commit"))
            .willReturn(okJson(intent("pi_it_c", "requires_capture"))));
    stripe.stubFor(
        post("/v1/payment_intents/pi_it_c/capture")
            .willReturn(okJson(intent("pi_it_c", "succeeded"))));

    // when
    String answer = run("it-commit", "commit");

    // then
    assertThat(answer, is("APPROVED pi_it_c commit"));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_it_c/capture"))
            .withHeader("Idempotency-Key", equalTo("it-commit.capture"))
            .withRequestBody(equalTo("amount_to_capture=1000")));
    stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_it_c/cancel")));
  }
}
