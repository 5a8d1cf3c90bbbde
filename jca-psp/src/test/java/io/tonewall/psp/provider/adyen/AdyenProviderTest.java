package io.tonewall.psp.provider.adyen;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.http.PspHttpClient;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.testing.SilentWireMock;
import io.tonewall.psp.testing.TestCards;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdyenProviderTest {
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-42");
  private static final Money TEN_EUROS = Money.of(1000, "EUR");

  private WireMockServer adyen;
  private AdyenProvider provider;
  private PaymentCard card;

  @BeforeEach
  void startAdyen() {
    adyen = SilentWireMock.start();
    PspConfiguration configuration =
        PspConfiguration.of(
            "adyen-test",
            Map.of(
                "provider", "adyen",
                "baseUrl", adyen.baseUrl() + "/v71",
                "apiKey", "AQE-secret",
                "merchantAccount", "TonewallMOTO"));
    provider =
        new AdyenProvider(
            configuration,
            new PspHttpClient(Duration.ofMillis(500), Duration.ofMillis(1000), Clock.systemUTC()));
    card = TestCards.card("4242424242424242");
  }

  @AfterEach
  void stopAdyen() {
    card.close();
    adyen.stop();
  }

  private static String paymentResponse(String resultCode, String refusalReason) {
    return "{\"pspReference\":\"ZX7K3C2B8V9Q4N6M\",\"resultCode\":\""
        + resultCode
        + "\""
        + (refusalReason == null ? "" : ",\"refusalReason\":\"" + refusalReason + "\"")
        + ",\"merchantReference\":\"order-42\",\"amount\":{\"currency\":\"EUR\",\"value\":1000}}";
  }

  @Test
  void sendsMotoPaymentWithSchemeCardAndManualCapture_whenPreAuthorising() {
    // given
    adyen.stubFor(post("/v71/payments").willReturn(okJson(paymentResponse("Authorised", null))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    assertThat(result.providerReference(), is(Optional.of("ZX7K3C2B8V9Q4N6M")));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/payments"))
            .withHeader("X-API-Key", equalTo("AQE-secret"))
            .withHeader("Idempotency-Key", equalTo("order-42"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"order-42\","
                        + "\"amount\":{\"currency\":\"EUR\",\"value\":1000},"
                        + "\"additionalData\":{\"manualCapture\":\"true\"},"
                        + "\"shopperInteraction\":\"Moto\","
                        + "\"paymentMethod\":{\"type\":\"scheme\",\"number\":\"4242424242424242\","
                        + "\"expiryMonth\":\"12\",\"expiryYear\":\"2030\",\"cvc\":\""
                        + TestCards.SECURITY_CODE
                        + "\"}}")));
  }

  @Test
  void leavesCaptureToAdyen_whenSale() {
    // given
    adyen.stubFor(post("/v71/payments").willReturn(okJson(paymentResponse("Authorised", null))));

    // when
    provider.authorise(KEY, TEN_EUROS, card, true);

    // then
    String body = adyen.getAllServeEvents().get(0).getRequest().getBodyAsString();
    assertThat(body.contains("manualCapture"), is(false));
  }

  @ParameterizedTest
  @CsvSource({
    "Not enough balance, INSUFFICIENT_FUNDS",
    "Refused, DO_NOT_HONOUR",
    "Expired Card, EXPIRED_CARD",
    "CVC Declined, INVALID_SECURITY_CODE",
    "Invalid Card Number, INVALID_CARD_NUMBER",
    "FRAUD, SUSPECTED_FRAUD",
    "Issuer Suspected Fraud, SUSPECTED_FRAUD",
    "Blocked Card, SUSPECTED_FRAUD",
    "3D Not Authenticated, AUTHENTICATION_REQUIRED",
    "Something Adyen adds later, DO_NOT_HONOUR"
  })
  void mapsRefusalReason(String refusalReason, DeclineReason expected) {
    // given
    adyen.stubFor(
        post("/v71/payments").willReturn(okJson(paymentResponse("Refused", refusalReason))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.DECLINED));
    assertThat(result.declineReason(), is(Optional.of(expected)));
  }

  @Test
  void returnsTheFirstAnswer_whenAdyenReplaysAnIdempotentRequest() {
    // given
    adyen.stubFor(post("/v71/payments").willReturn(okJson(paymentResponse("Authorised", null))));

    // when
    PaymentResult first = provider.authorise(KEY, TEN_EUROS, card, false);
    PaymentResult replay = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(replay, is(first));
    adyen.verify(
        2,
        postRequestedFor(urlEqualTo("/v71/payments"))
            .withHeader("Idempotency-Key", equalTo("order-42")));
  }

  @Test
  void declinesForAuthentication_whenAdyenWantsAChallenge() {
    // given
    adyen.stubFor(
        post("/v71/payments").willReturn(okJson(paymentResponse("ChallengeShopper", null))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.declineReason(), is(Optional.of(DeclineReason.AUTHENTICATION_REQUIRED)));
  }

  @Test
  void fails_whenAdyenRejectsTheRequestAsInvalid() {
    // given
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"status\":422,\"errorCode\":\"101\",\"message\":\"Invalid card number\","
                            + "\"errorType\":\"validation\",\"pspReference\":\"QWERTY1234567890\"}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.FAILED));
    assertThat(result.detail(), is(Optional.of("HTTP 422 101: Invalid card number")));
  }

  @Test
  void fails_whenApiKeyIsRefused() {
    // given
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"status\":401,\"errorCode\":\"000\",\"message\":\"HTTP Status Response - Unauthorized\","
                            + "\"errorType\":\"security\"}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.FAILED));
  }

  @Test
  void isUnknown_whenAdyenAnswers500() {
    // given
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "{\"status\":500,\"errorCode\":\"905\",\"errorType\":\"internal\"}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void isUnknown_whenAnswerTimesOut() {
    // given
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(okJson(paymentResponse("Authorised", null)).withFixedDelay(2000)));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void isUnknown_whenSuccessBodyIsMalformedJson() {
    // given
    adyen.stubFor(post("/v71/payments").willReturn(okJson("{\"resultCode\":\"Authorised\",")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void isUnknown_whenAdyenIsStillProcessing() {
    // given
    adyen.stubFor(post("/v71/payments").willReturn(okJson(paymentResponse("Received", null))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_EUROS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void capturesPartAmountOnThePaymentsCapturesPath() {
    // given
    adyen.stubFor(
        post("/v71/payments/ZX7K3C2B8V9Q4N6M/captures")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody(
                        "{\"merchantAccount\":\"TonewallMOTO\",\"paymentPspReference\":\"ZX7K3C2B8V9Q4N6M\","
                            + "\"pspReference\":\"CAPT000000000001\",\"reference\":\"order-42.capture\","
                            + "\"status\":\"received\",\"amount\":{\"currency\":\"EUR\",\"value\":600}}")));

    // when
    PaymentResult result =
        provider.capture(
            IdempotencyKey.of("order-42.capture"), "ZX7K3C2B8V9Q4N6M", Money.of(600, "EUR"));

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/payments/ZX7K3C2B8V9Q4N6M/captures"))
            .withHeader("Idempotency-Key", equalTo("order-42.capture"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"order-42.capture\","
                        + "\"amount\":{\"currency\":\"EUR\",\"value\":600}}")));
  }

  @Test
  void cancelsAndRefundsOnTheirPaths() {
    // given
    String received = "{\"status\":\"received\",\"pspReference\":\"MOD0000000000001\"}";
    adyen.stubFor(
        post("/v71/payments/PSP1/cancels")
            .willReturn(aResponse().withStatus(201).withBody(received)));
    adyen.stubFor(
        post("/v71/payments/PSP2/refunds")
            .willReturn(aResponse().withStatus(201).withBody(received)));

    // when
    PaymentResult cancel = provider.cancel(IdempotencyKey.of("k.void"), "PSP1");
    PaymentResult refund =
        provider.refund(IdempotencyKey.of("k.refund"), "PSP2", Money.of(250, "EUR"));

    // then
    assertThat(cancel.outcome(), is(Outcome.APPROVED));
    assertThat(refund.outcome(), is(Outcome.APPROVED));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/payments/PSP2/refunds"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"k.refund\","
                        + "\"amount\":{\"currency\":\"EUR\",\"value\":250}}")));
  }

  @Test
  void cancelsByMerchantReference_whenOutcomeIsUnknown() {
    // given
    adyen.stubFor(
        post("/v71/cancels")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"status\":\"received\",\"pspReference\":\"TECH000000000001\"}")));

    // when
    PaymentResult result = provider.cancelByOriginalKey(IdempotencyKey.of("order-42.cancel"), KEY);

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/cancels"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"order-42.cancel\","
                        + "\"paymentReference\":\"order-42\"}")));
  }

  @Test
  void tokenisesWithZeroValueAuthorisationStoringThePaymentMethod() {
    // given
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(
                okJson(
                    "{\"pspReference\":\"ZERO000000000001\",\"resultCode\":\"Authorised\","
                        + "\"additionalData\":{\"tokenization.storedPaymentMethodId\":\"M5N7TQ4TG5PFWR50\","
                        + "\"tokenization.shopperReference\":\"customer-7\"}}")));

    // when
    PaymentResult result = provider.tokenise(KEY, card, Currency.getInstance("EUR"), "customer-7");

    // then
    assertThat(result.token(), is(Optional.of("customer-7:M5N7TQ4TG5PFWR50")));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/payments"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"order-42\","
                        + "\"amount\":{\"currency\":\"EUR\",\"value\":0},"
                        + "\"additionalData\":{\"manualCapture\":\"true\"},"
                        + "\"shopperReference\":\"customer-7\",\"storePaymentMethod\":true,"
                        + "\"recurringProcessingModel\":\"UnscheduledCardOnFile\","
                        + "\"shopperInteraction\":\"Moto\","
                        + "\"paymentMethod\":{\"type\":\"scheme\",\"number\":\"4242424242424242\","
                        + "\"expiryMonth\":\"12\",\"expiryYear\":\"2030\",\"cvc\":\""
                        + TestCards.SECURITY_CODE
                        + "\"}}")));
  }

  @Test
  void paysWithStoredPaymentMethodAsContAuth() {
    // given
    adyen.stubFor(post("/v71/payments").willReturn(okJson(paymentResponse("Authorised", null))));

    // when
    PaymentResult result =
        provider.payWithToken(KEY, TEN_EUROS, "customer-7:M5N7TQ4TG5PFWR50", true);

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/payments"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"order-42\","
                        + "\"amount\":{\"currency\":\"EUR\",\"value\":1000},"
                        + "\"shopperReference\":\"customer-7\",\"shopperInteraction\":\"ContAuth\","
                        + "\"recurringProcessingModel\":\"UnscheduledCardOnFile\","
                        + "\"paymentMethod\":{\"type\":\"scheme\",\"storedPaymentMethodId\":\"M5N7TQ4TG5PFWR50\"}}")));
  }
}
