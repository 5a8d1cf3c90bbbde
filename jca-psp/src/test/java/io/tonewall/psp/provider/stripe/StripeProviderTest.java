package io.tonewall.psp.provider.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.RefundState;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.StatusQueryFailedException;
import io.tonewall.psp.http.PspHttpClient;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.testing.SilentWireMock;
import io.tonewall.psp.testing.TestCards;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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

class StripeProviderTest {
  private static final IdempotencyKey KEY = IdempotencyKey.of("order-42");
  private static final Money TEN_POUNDS = Money.of(1000, "GBP");

  private WireMockServer stripe;
  private StripeProvider provider;
  private PaymentCard card;

  @BeforeEach
  void startStripe() {
    stripe = SilentWireMock.start();
    provider = provider(stripe.baseUrl());
    card = TestCards.card("4242424242424242");
  }

  @AfterEach
  void stopStripe() {
    card.close();
    stripe.stop();
  }

  private static StripeProvider provider(String baseUrl) {
    PspConfiguration configuration =
        PspConfiguration.of(
            "stripe-test",
            Map.of("provider", "stripe", "baseUrl", baseUrl, "apiKey", "sk_test_secret"));
    return new StripeProvider(
        configuration,
        new PspHttpClient(Duration.ofMillis(500), Duration.ofMillis(1000), Clock.systemUTC()));
  }

  private static String intent(String id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"payment_intent\",\"amount\":1000,\"currency\":\"gbp\",\"status\":\""
        + status
        + "\",\"metadata\":{\"tonewall_idempotency_key\":\"order-42\"}}";
  }

  private static String cardError(String code, String declineCode) {
    return "{\"error\":{\"type\":\"card_error\",\"code\":\""
        + code
        + "\""
        + (declineCode == null ? "" : ",\"decline_code\":\"" + declineCode + "\"")
        + ",\"message\":\"Your card was declined.\",\"payment_intent\":{\"id\":\"pi_declined\","
        + "\"status\":\"requires_payment_method\"}}}";
  }

  @Test
  void sendsPaymentIntentFormWithCardIdempotencyKeyAndManualCapture_whenPreAuthorising() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents").willReturn(okJson(intent("pi_1", "requires_capture"))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    assertThat(result.providerReference(), is(Optional.of("pi_1")));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Authorization", equalTo("Bearer sk_test_secret"))
            .withHeader("Idempotency-Key", equalTo("order-42"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
    Map<String, String> form =
        form(stripe.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(form.get("amount"), is("1000"));
    assertThat(form.get("currency"), is("gbp"));
    assertThat(form.get("confirm"), is("true"));
    assertThat(form.get("capture_method"), is("manual"));
    assertThat(form.get("payment_method_types[]"), is("card"));
    assertThat(form.get("payment_method_data[type]"), is("card"));
    assertThat(form.get("payment_method_data[card][number]"), is("4242424242424242"));
    assertThat(form.get("payment_method_data[card][exp_month]"), is("12"));
    assertThat(form.get("payment_method_data[card][exp_year]"), is("2030"));
    assertThat(form.get("payment_method_data[card][cvc]"), is(TestCards.SECURITY_CODE));
    assertThat(form.get("metadata[tonewall_idempotency_key]"), is("order-42"));
  }

  @Test
  void capturesAutomatically_whenSale() {
    // given
    stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(intent("pi_2", "succeeded"))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, true);

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withRequestBody(containing("capture_method=automatic")));
  }

  @ParameterizedTest
  @CsvSource({
    "card_declined, insufficient_funds, INSUFFICIENT_FUNDS",
    "card_declined, generic_decline, DO_NOT_HONOUR",
    "card_declined, do_not_honor, DO_NOT_HONOUR",
    "expired_card, , EXPIRED_CARD",
    "incorrect_cvc, , INVALID_SECURITY_CODE",
    "incorrect_number, , INVALID_CARD_NUMBER",
    "card_declined, fraudulent, SUSPECTED_FRAUD",
    "card_declined, stolen_card, SUSPECTED_FRAUD",
    "authentication_required, authentication_required, AUTHENTICATION_REQUIRED",
    "card_declined, something_new, DO_NOT_HONOUR"
  })
  void mapsCardErrorToDeclineReason(String code, String declineCode, DeclineReason expected) {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(aResponse().withStatus(402).withBody(cardError(code, declineCode))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.DECLINED));
    assertThat(result.declineReason(), is(Optional.of(expected)));
    assertThat(result.providerReference(), is(Optional.of("pi_declined")));
  }

  @Test
  void declinesForAuthentication_whenIntentRequiresAction() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents").willReturn(okJson(intent("pi_3", "requires_action"))));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.declineReason(), is(Optional.of(DeclineReason.AUTHENTICATION_REQUIRED)));
  }

  @Test
  void fails_whenStripeRejectsTheRequestAsInvalid() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"parameter_invalid_integer\","
                            + "\"param\":\"amount\",\"message\":\"Invalid integer: abc\"}}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.FAILED));
    assertThat(result.detail().orElseThrow(), containsString("invalid_request_error"));
  }

  @Test
  void fails_whenTheKeyWasUsedBeforeWithOtherParameters() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for"
                            + " idempotent requests can only be used with the same parameters they"
                            + " were first used with.\"}}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.FAILED));
    assertThat(result.detail().orElseThrow(), containsString("idempotency_error"));
  }

  @Test
  void isUnknown_whenTwoRequestsWithOneKeyOverlap() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(409)
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"lock_timeout\"}}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void isUnknown_whenStripeAnswers500() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void isUnknown_whenAnswerTimesOut() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(okJson(intent("pi_4", "requires_capture")).withFixedDelay(2000)));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
    assertThat(result.detail().orElseThrow(), containsString("no answer within 1000 ms"));
  }

  @Test
  void isUnknown_whenConnectionResetAfterSending() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void isUnknown_whenSuccessBodyIsMalformedJson() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"pi_5\",\"status\":")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.UNKNOWN));
  }

  @Test
  void fails_whenConnectionRefused() {
    // given
    StripeProvider unreachable = provider("http://127.0.0.1:9");

    // when
    PaymentResult result = unreachable.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.outcome(), is(Outcome.FAILED));
  }

  @Test
  void returnsTheFirstAnswer_whenStripeReplaysAnIdempotentRequest() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                okJson(intent("pi_6", "requires_capture"))
                    .withHeader("Idempotent-Replayed", "true")));

    // when
    PaymentResult first = provider.authorise(KEY, TEN_POUNDS, card, false);
    PaymentResult replay = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(replay, is(first));
    stripe.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withHeader("Idempotency-Key", equalTo("order-42")));
  }

  @Test
  void capturesPartAmountWithItsOwnKey() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents/pi_7/capture").willReturn(okJson(intent("pi_7", "succeeded"))));

    // when
    PaymentResult result =
        provider.capture(IdempotencyKey.of("order-42.capture"), "pi_7", Money.of(600, "GBP"));

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_7/capture"))
            .withHeader("Idempotency-Key", equalTo("order-42.capture"))
            .withRequestBody(equalTo("amount_to_capture=600")));
  }

  @Test
  void cancelsAnAuthorisation() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents/pi_8/cancel").willReturn(okJson(intent("pi_8", "canceled"))));

    // when
    PaymentResult result = provider.cancel(IdempotencyKey.of("order-42.void"), "pi_8");

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_8/cancel"))
            .withHeader("Idempotency-Key", equalTo("order-42.void")));
  }

  @Test
  void refundsPartOfAPayment() {
    // given
    stripe.stubFor(
        post("/v1/refunds")
            .willReturn(
                okJson(
                    "{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":300,\"payment_intent\":\"pi_9\","
                        + "\"status\":\"succeeded\"}")));

    // when
    PaymentResult result =
        provider.refund(IdempotencyKey.of("refund-1"), "pi_9", Money.of(300, "GBP"));

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    Map<String, String> form =
        form(stripe.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(form.get("payment_intent"), is("pi_9"));
    assertThat(form.get("amount"), is("300"));
  }

  @Test
  void tokenisesWithCustomerAndSetupIntent_withoutCharging() {
    // given
    stripe.stubFor(
        post("/v1/customers").willReturn(okJson("{\"id\":\"cus_1\",\"object\":\"customer\"}")));
    stripe.stubFor(
        post("/v1/setup_intents")
            .willReturn(
                okJson(
                    "{\"id\":\"seti_1\",\"object\":\"setup_intent\",\"status\":\"succeeded\","
                        + "\"customer\":\"cus_1\",\"payment_method\":\"pm_1\",\"usage\":\"off_session\"}")));

    // when
    PaymentResult result = provider.tokenise(KEY, card, Currency.getInstance("GBP"), "customer-7");

    // then
    assertThat(result.token(), is(Optional.of("cus_1:pm_1")));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/customers"))
            .withHeader("Idempotency-Key", equalTo("order-42.customer")));
    Map<String, String> form =
        form(
            stripe.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/setup_intents"))
                .findFirst()
                .orElseThrow()
                .getRequest()
                .getBodyAsString());
    assertThat(form.get("customer"), is("cus_1"));
    assertThat(form.get("usage"), is("off_session"));
    assertThat(form.get("payment_method_data[card][number]"), is("4242424242424242"));
    assertThat(form.containsKey("amount"), is(false));
  }

  @Test
  void paysOffSessionWithAStoredToken() {
    // given
    stripe.stubFor(post("/v1/payment_intents").willReturn(okJson(intent("pi_10", "succeeded"))));

    // when
    PaymentResult result = provider.payWithToken(KEY, TEN_POUNDS, "cus_1:pm_1", true);

    // then
    assertThat(result.outcome(), is(Outcome.APPROVED));
    Map<String, String> form =
        form(stripe.getAllServeEvents().get(0).getRequest().getBodyAsString());
    assertThat(form.get("customer"), is("cus_1"));
    assertThat(form.get("payment_method"), is("pm_1"));
    assertThat(form.get("off_session"), is("true"));
    assertThat(form.containsKey("payment_method_data[card][number]"), is(false));
  }

  @Test
  void findsAPaymentByIdempotencyKeyThroughSearch() throws Exception {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(
                okJson(
                    "{\"object\":\"search_result\",\"data\":["
                        + intent("pi_11", "requires_capture")
                        + "],\"has_more\":false}")));

    // when
    PaymentStatus status = provider.status(KEY);

    // then
    assertThat(status.state(), is(PaymentState.AUTHORISED));
    assertThat(status.providerReference(), is(Optional.of("pi_11")));
    assertThat(status.authorised(), is(Optional.of(TEN_POUNDS)));
    stripe.verify(
        getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))
            .withQueryParam("query", equalTo("metadata['tonewall_idempotency_key']:'order-42'")));
  }

  @Test
  void reportsNotFound_whenSearchFindsNothing() throws Exception {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(okJson("{\"object\":\"search_result\",\"data\":[],\"has_more\":false}")));

    // when
    PaymentStatus status = provider.status(KEY);

    // then
    assertThat(status.state(), is(PaymentState.NOT_FOUND));
  }

  private static String refund(String id, String key, String status, String extra) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"refund\",\"amount\":400,\"currency\":\"gbp\","
        + "\"payment_intent\":\"pi_7\",\"metadata\":{\"tonewall_idempotency_key\":\""
        + key
        + "\"},\"status\":\""
        + status
        + "\""
        + extra
        + "}";
  }

  private static String refundList(boolean hasMore, String... refunds) {
    return "{\"object\":\"list\",\"url\":\"/v1/refunds\",\"has_more\":"
        + hasMore
        + ",\"data\":["
        + String.join(",", refunds)
        + "]}";
  }

  @ParameterizedTest
  @CsvSource({
    "succeeded, SUCCEEDED",
    "pending, PENDING",
    "requires_action, PENDING",
    "failed, FAILED",
    "canceled, FAILED",
    "some_new_status, PENDING"
  })
  void readsARefundsStatus_fromThePaymentsRefundList(String stripeStatus, RefundState expected)
      throws Exception {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .willReturn(
                okJson(
                    refundList(
                        false,
                        refund("re_other", "sale-1.r1", "succeeded", ""),
                        refund("re_mine", "sale-1.r2", stripeStatus, "")))));

    // when
    RefundStatus status = provider.refundStatus(IdempotencyKey.of("sale-1.r2"), "pi_7");

    // then
    assertThat(status.state(), is(expected));
    assertThat(status.refundReference(), is(Optional.of("re_mine")));
    assertThat(status.amount(), is(Optional.of(Money.of(400, "GBP"))));
    stripe.verify(
        getRequestedFor(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("payment_intent", equalTo("pi_7"))
            .withQueryParam("limit", equalTo("100"))
            .withHeader("Authorization", equalTo("Bearer sk_test_secret")));
  }

  @Test
  void saysWhyARefundFailed() throws Exception {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .willReturn(
                okJson(
                    refundList(
                        false,
                        refund(
                            "re_1",
                            "sale-1.r1",
                            "failed",
                            ",\"failure_reason\":\"expired_or_canceled_card\"")))));

    // when
    RefundStatus status = provider.refundStatus(IdempotencyKey.of("sale-1.r1"), "pi_7");

    // then
    assertThat(status.state(), is(RefundState.FAILED));
    assertThat(status.detail(), is(Optional.of("refund failed: expired_or_canceled_card")));
  }

  @Test
  void followsHasMore_untilTheRefundWithTheKeyIsFound() throws Exception {
    // given: the first page holds someone else's refund; the second, after re_a, ours
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("starting_after", absent())
            .willReturn(okJson(refundList(true, refund("re_a", "sale-1.r1", "succeeded", "")))));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("starting_after", equalTo("re_a"))
            .willReturn(okJson(refundList(false, refund("re_b", "sale-1.r2", "succeeded", "")))));

    // when
    RefundStatus status = provider.refundStatus(IdempotencyKey.of("sale-1.r2"), "pi_7");

    // then
    assertThat(status.state(), is(RefundState.SUCCEEDED));
    assertThat(status.refundReference(), is(Optional.of("re_b")));
    stripe.verify(2, getRequestedFor(urlPathEqualTo("/v1/refunds")));
  }

  @Test
  void reportsNotFound_whenNoRefundOfThePaymentHasTheKey() throws Exception {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .willReturn(okJson(refundList(false, refund("re_a", "sale-1.r1", "succeeded", "")))));

    // when
    RefundStatus status = provider.refundStatus(IdempotencyKey.of("sale-1.r2"), "pi_7");

    // then
    assertThat(status.state(), is(RefundState.NOT_FOUND));
  }

  @Test
  void reportsNotFound_whenStripeDoesNotKnowThePayment() throws Exception {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\","
                            + "\"code\":\"resource_missing\",\"param\":\"payment_intent\"}}")));

    // when
    RefundStatus status = provider.refundStatus(IdempotencyKey.of("sale-1.r1"), "pi_gone");

    // then
    assertThat(status.state(), is(RefundState.NOT_FOUND));
  }

  @Test
  void failsTheRefundQuery_whenStripeAnswers500OrGarbage() {
    // given
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("payment_intent", equalTo("pi_500"))
            .willReturn(aResponse().withStatus(500).withBody("{}")));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/refunds"))
            .withQueryParam("payment_intent", equalTo("pi_bad"))
            .willReturn(okJson("{\"object\":\"list\",\"data\":{}}")));

    // when / then
    assertThrows(
        StatusQueryFailedException.class,
        () -> provider.refundStatus(IdempotencyKey.of("sale-1.r1"), "pi_500"));
    assertThrows(
        StatusQueryFailedException.class,
        () -> provider.refundStatus(IdempotencyKey.of("sale-1.r1"), "pi_bad"));
  }

  @Test
  void neverPutsTheCardNumberInTheResult_whenStripeEchoesIt() {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Bad number 4242 4242 4242 4242 cvc "
                            + TestCards.SECURITY_CODE
                            + "\"}}")));

    // when
    PaymentResult result = provider.authorise(KEY, TEN_POUNDS, card, false);

    // then
    assertThat(result.toString(), not(containsString("4242 4242 4242 4242")));
    assertThat(result.toString(), not(containsString(TestCards.SECURITY_CODE)));
    assertThat(result.outcome(), equalTo(Outcome.FAILED));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
    }
    return fields;
  }
}
