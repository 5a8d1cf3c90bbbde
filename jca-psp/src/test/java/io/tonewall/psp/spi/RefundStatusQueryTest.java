package io.tonewall.psp.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.RefundState;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.testing.SilentWireMock;
import io.tonewall.psp.testing.TestCards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PspConnection.refundStatus} through a started adapter: Stripe is asked (its refund list),
 * also after a restart; Adyen, which has no query, is answered from what this adapter instance saw
 * and is {@code UNKNOWN} — never a guess — once a restart has lost that; the sandbox knows its own.
 */
class RefundStatusQueryTest {
  private static final Money TEN_POUNDS = Money.of(1000, "GBP");
  private static final Money FOUR_POUNDS = Money.of(400, "GBP");

  @TempDir Path logs;
  @TempDir Path config;
  private WireMockServer stripe;
  private WireMockServer adyen;
  private Path configurations;
  private TestAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    stripe = SilentWireMock.start();
    adyen = SilentWireMock.start();
    configurations = TestAdapter.providerConfigurations(config, stripe.baseUrl(), adyen.baseUrl());
    adapter = TestAdapter.patient(logs, configurations);
  }

  @AfterEach
  void stop() {
    adapter.close();
    stripe.stop();
    adyen.stop();
  }

  private static String refundList(String status) {
    return "{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"re_1\",\"object\":"
        + "\"refund\",\"amount\":400,\"currency\":\"gbp\",\"payment_intent\":\"pi_1\","
        + "\"metadata\":{\"tonewall_idempotency_key\":\"sale-1.r1\"},\"status\":\""
        + status
        + "\"}]}";
  }

  private PaymentResult sale(String configuration, String key) throws Exception {
    try (PspConnection connection = adapter.connection();
        PaymentCard card = TestCards.card("4242424242424242")) {
      return connection.authorise(
          new AuthorisationRequest(
              configuration, IdempotencyKey.of(key), TEN_POUNDS, card, AuthorisationKind.SALE));
    }
  }

  private PaymentResult refund(String configuration, String reference) throws Exception {
    try (PspConnection connection = adapter.connection()) {
      return connection.refund(
          RefundRequest.partial(
              configuration, IdempotencyKey.of("sale-1.r1"), reference, FOUR_POUNDS));
    }
  }

  private RefundStatus refundStatus(String configuration, String reference) throws Exception {
    try (PspConnection connection = adapter.connection()) {
      return connection.refundStatus(configuration, IdempotencyKey.of("sale-1.r1"), reference);
    }
  }

  @Test
  void stripeRefundGoesFromPendingToSucceeded_andIsStillFoundAfterARestart() throws Exception {
    // given: a sale refunded; Stripe accepts the refund as pending
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                okJson(
                    "{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"amount\":1000,"
                        + "\"currency\":\"gbp\",\"status\":\"succeeded\"}")));
    stripe.stubFor(
        post("/v1/refunds")
            .willReturn(okJson("{\"id\":\"re_1\",\"object\":\"refund\",\"status\":\"pending\"}")));
    sale("stripe-test", "sale-1");
    refund("stripe-test", "pi_1");
    stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).willReturn(okJson(refundList("pending"))));

    // when
    RefundStatus pending = refundStatus("stripe-test", "pi_1");
    stripe.stubFor(get(urlPathEqualTo("/v1/refunds")).willReturn(okJson(refundList("succeeded"))));
    adapter.crash();
    adapter = TestAdapter.patient(logs, configurations);
    RefundStatus succeeded = refundStatus("stripe-test", "pi_1");

    // then
    assertThat(pending.state(), is(RefundState.PENDING));
    assertThat(succeeded.state(), is(RefundState.SUCCEEDED));
    assertThat(succeeded.refundReference(), is(Optional.of("re_1")));
    assertThat(succeeded.amount(), is(Optional.of(FOUR_POUNDS)));
    stripe.verify(
        2,
        getRequestedFor(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("payment_intent", equalTo("pi_1")));
  }

  @Test
  void adyenRefundIsAnsweredFromWhatTheAdapterSaw_andUnknownAfterARestart() throws Exception {
    // given: an Adyen sale refunded; Adyen answers "received" (it settles by notification)
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(
                okJson(
                    "{\"pspReference\":\"PSP1\",\"resultCode\":\"Authorised\","
                        + "\"merchantReference\":\"sale-1\","
                        + "\"amount\":{\"currency\":\"GBP\",\"value\":1000}}")));
    adyen.stubFor(
        post("/v71/payments/PSP1/refunds")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"status\":\"received\",\"pspReference\":\"MOD1\"}")));
    assertThat(sale("adyen-test", "sale-1").outcome(), is(Outcome.APPROVED));
    assertThat(refund("adyen-test", "PSP1").outcome(), is(Outcome.APPROVED));

    // when
    RefundStatus seen = refundStatus("adyen-test", "PSP1");
    adapter.crash();
    adapter = TestAdapter.patient(logs, configurations);
    RefundStatus afterRestart = refundStatus("adyen-test", "PSP1");

    // then
    assertThat(seen.state(), is(RefundState.SUCCEEDED));
    assertThat(afterRestart.state(), is(RefundState.UNKNOWN));
    assertThat(afterRestart.state().isFinal(), is(false));
    assertThat(afterRestart.detail().orElseThrow(), containsString("no answer for sale-1.r1"));
    assertThat(adyen.getAllServeEvents().size(), is(2));
  }

  @Test
  void adyenRefundAcceptedIsPending_whenTheConfigurationReceivesNotifications() throws Exception {
    // given: the Adyen configuration with an HMAC key, so Adyen's notification is the final word
    Files.writeString(
        configurations,
        Files.readString(configurations)
            + "adyen-test.notificationHmacKey="
            + "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056\n");
    adapter.close();
    adapter = TestAdapter.patient(logs, configurations);
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(okJson("{\"pspReference\":\"PSP1\",\"resultCode\":\"Authorised\"}")));
    adyen.stubFor(
        post("/v71/payments/PSP1/refunds")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"status\":\"received\",\"pspReference\":\"MOD1\"}")));
    assertThat(sale("adyen-test", "sale-1").outcome(), is(Outcome.APPROVED));
    assertThat(refund("adyen-test", "PSP1").outcome(), is(Outcome.APPROVED));

    // when
    RefundStatus status = refundStatus("adyen-test", "PSP1");

    // then
    assertThat(status.state(), is(RefundState.PENDING));
    assertThat(status.detail().orElseThrow(), containsString("REFUND notification"));
  }

  @Test
  void adyenRefundNeverSent_isUnknown() throws Exception {
    // when
    RefundStatus status = refundStatus("adyen-test", "PSP9");

    // then
    assertThat(status.state(), is(RefundState.UNKNOWN));
    assertThat(adyen.getAllServeEvents().size(), is(0));
  }

  @Test
  void sandboxRefundSucceeds_andAnUnsentOneIsNotFound() throws Exception {
    // given
    PaymentResult sale = sale("sandbox", "sale-1");
    String reference = sale.providerReference().orElseThrow();

    // when
    RefundStatus unsent = refundStatus("sandbox", reference);
    refund("sandbox", reference);
    RefundStatus sent = refundStatus("sandbox", reference);

    // then
    assertThat(unsent.state(), is(RefundState.NOT_FOUND));
    assertThat(sent.state(), is(RefundState.SUCCEEDED));
    assertThat(sent.amount(), is(Optional.of(FOUR_POUNDS)));
  }
}
