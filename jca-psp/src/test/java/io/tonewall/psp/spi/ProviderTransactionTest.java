package io.tonewall.psp.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyArray;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tonewall.psp.api.AmountExceedsAuthorisationException;
import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.CaptureRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.UnknownPaymentReferenceException;
import io.tonewall.psp.testing.SilentWireMock;
import io.tonewall.psp.testing.TestCards;
import io.tonewall.psp.testing.TestXid;
import jakarta.resource.ResourceException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XAResource against WireMock answering as Stripe and Adyen: voids on rollback, captures after
 * commit, retries after a 5xx, and recovery after a crash from the durable log.
 */
class ProviderTransactionTest {
  private static final Money TEN_POUNDS = Money.of(1000, "GBP");
  private static final Xid XID = new TestXid("tx-1", "b-1");

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
    adapter = TestAdapter.start(logs, configurations);
    stripe.stubFor(
        post("/v1/payment_intents").willReturn(okJson(intent("pi_1", "requires_capture"))));
    stripe.stubFor(
        post("/v1/payment_intents/pi_1/cancel").willReturn(okJson(intent("pi_1", "canceled"))));
    stripe.stubFor(
        post("/v1/payment_intents/pi_1/capture").willReturn(okJson(intent("pi_1", "succeeded"))));
  }

  @AfterEach
  void stop() {
    adapter.close();
    stripe.stop();
    adyen.stop();
  }

  private static String intent(String id, String status) {
    return "{\"id\":\""
        + id
        + "\",\"object\":\"payment_intent\",\"amount\":1000,\"currency\":\"gbp\",\"status\":\""
        + status
        + "\"}";
  }

  private static PaymentResult authorise(
      PspManagedConnection managed, String configuration, String key) throws ResourceException {
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      return ((PspConnection) managed.getConnection(null, null))
          .authorise(
              new AuthorisationRequest(
                  configuration, IdempotencyKey.of(key), TEN_POUNDS, card, AuthorisationKind.SALE));
    }
  }

  private PaymentResult authoriseInBranch(String configuration, String key) throws Exception {
    PspManagedConnection managed = adapter.managed();
    XAResource xa = managed.getXAResource();
    xa.start(XID, XAResource.TMNOFLAGS);
    PaymentResult result = authorise(managed, configuration, key);
    xa.end(XID, XAResource.TMSUCCESS);
    return result;
  }

  private XAResource recoveryResource() throws ResourceException {
    return adapter.adapter.getXAResources(null)[0];
  }

  @Test
  void cancelsThePaymentIntentWithItsOwnKey_whenRolledBack() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");

    // when
    recoveryResource().rollback(XID);

    // then
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents"))
            .withRequestBody(containing("capture_method=manual")));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/cancel"))
            .withHeader("Idempotency-Key", equalTo("order-1.undo")));
    stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture")));
  }

  @Test
  void capturesAfterCommitNotAtPrepare() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");
    XAResource xa = recoveryResource();

    // when
    xa.prepare(XID);
    int capturesAfterPrepare =
        stripe.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture"))).size();
    xa.commit(XID, false);

    // then
    assertThat(capturesAfterPrepare, is(0));
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .withHeader("Idempotency-Key", equalTo("order-1.capture"))
            .withRequestBody(equalTo("amount_to_capture=1000")));
  }

  @Test
  void asksToRetryTheCommit_whenTheCaptureGets5xx_andCapturesOnRetry() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");
    XAResource xa = recoveryResource();
    xa.prepare(XID);
    stripe.stubFor(
        post("/v1/payment_intents/pi_1/capture")
            .willReturn(
                aResponse().withStatus(503).withBody("{\"error\":{\"type\":\"api_error\"}}")));

    // when
    XAException e = assertThrows(XAException.class, () -> xa.commit(XID, false));
    stripe.stubFor(
        post("/v1/payment_intents/pi_1/capture").willReturn(okJson(intent("pi_1", "succeeded"))));
    Xid[] inDoubt = xa.recover(XAResource.TMSTARTRSCAN);
    xa.commit(XID, false);

    // then
    assertThat(e.errorCode, is(XAException.XA_RETRY));
    assertThat(inDoubt, arrayWithSize(1));
    stripe.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .withHeader("Idempotency-Key", equalTo("order-1.capture")));
    assertThat(xa.recover(XAResource.TMSTARTRSCAN), emptyArray());
  }

  @Test
  void finishesAPreparedBranchAfterACrash() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");
    recoveryResource().prepare(XID);
    adapter.crash();

    // when
    adapter = TestAdapter.start(logs, configurations);
    XAResource xa = recoveryResource();
    Xid[] inDoubt = xa.recover(XAResource.TMSTARTRSCAN);
    xa.commit(inDoubt[0], false);

    // then
    assertThat(inDoubt, arrayWithSize(1));
    stripe.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .withHeader("Idempotency-Key", equalTo("order-1.capture")));
    assertThat(xa.recover(XAResource.TMSTARTRSCAN), emptyArray());
  }

  @Test
  void voidsAnUnpreparedAuthorisationWhoseAnswerWasLost_afterACrash() throws Exception {
    // given
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(okJson(intent("pi_1", "requires_capture")).withFixedDelay(2000)));
    PaymentResult lost = authoriseInBranch("stripe-test", "order-1");
    adapter.crash();
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .withQueryParam("query", equalTo("metadata['tonewall_idempotency_key']:'order-1'"))
            .willReturn(
                okJson(
                    "{\"object\":\"search_result\",\"data\":["
                        + intent("pi_1", "requires_capture")
                        + "]}")));

    // when
    adapter = TestAdapter.start(logs, configurations);
    Xid[] inDoubt = recoveryResource().recover(XAResource.TMSTARTRSCAN);

    // then
    assertThat(lost.outcome(), is(Outcome.UNKNOWN));
    assertThat(inDoubt, emptyArray());
    stripe.verify(
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/cancel"))
            .withHeader("Idempotency-Key", equalTo("order-1.undo")));
  }

  @Test
  void cancelsByMerchantReferenceOnAdyen_whenAnUnknownAuthorisationIsRolledBack() throws Exception {
    // given
    adyen.stubFor(
        post("/v71/payments").willReturn(aResponse().withStatus(500).withBody("{\"status\":500}")));
    adyen.stubFor(
        post("/v71/cancels")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withBody("{\"status\":\"received\",\"pspReference\":\"TECH000000000001\"}")));
    PaymentResult unknown = authoriseInBranch("adyen-test", "order-2");

    // when
    recoveryResource().rollback(XID);

    // then
    assertThat(unknown.outcome(), is(Outcome.UNKNOWN));
    adyen.verify(
        postRequestedFor(urlEqualTo("/v71/cancels"))
            .withHeader("Idempotency-Key", equalTo("order-2.undo"))
            .withRequestBody(
                equalToJson(
                    "{\"merchantAccount\":\"TonewallMOTO\",\"reference\":\"order-2.undo\","
                        + "\"paymentReference\":\"order-2\"}")));
  }

  @Test
  void retriesAFailedVoidAtTheNextRecoveryScan() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");
    stripe.stubFor(
        post("/v1/payment_intents/pi_1/cancel")
            .willReturn(
                aResponse().withStatus(500).withBody("{\"error\":{\"type\":\"api_error\"}}")));
    XAException failed = assertThrows(XAException.class, () -> recoveryResource().rollback(XID));
    stripe.stubFor(
        post("/v1/payment_intents/pi_1/cancel").willReturn(okJson(intent("pi_1", "canceled"))));

    // when
    Xid[] inDoubt = recoveryResource().recover(XAResource.TMSTARTRSCAN);

    // then
    assertThat(failed.errorCode, is(XAException.XAER_RMFAIL));
    assertThat(inDoubt, emptyArray());
    stripe.verify(
        2,
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/cancel"))
            .withHeader("Idempotency-Key", equalTo("order-1.undo")));
    assertThat(recoveryResource().recover(XAResource.TMSTARTRSCAN), emptyArray());
    stripe.verify(2, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/cancel")));
  }

  @Test
  void sendsNothing_whenCaptureExceedsTheAuthorisationOrRefundNamesAnUnknownPayment()
      throws Exception {
    // given
    PspConnection connection = adapter.connection();
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      connection.authorise(
          new AuthorisationRequest(
              "stripe-test",
              IdempotencyKey.of("order-9"),
              TEN_POUNDS,
              card,
              AuthorisationKind.PRE_AUTHORISATION));
    }

    // when
    assertThrows(
        AmountExceedsAuthorisationException.class,
        () ->
            connection.capture(
                CaptureRequest.partial(
                    "stripe-test", IdempotencyKey.of("cap-9"), "pi_1", Money.of(1001, "GBP"))));
    assertThrows(
        UnknownPaymentReferenceException.class,
        () ->
            connection.refund(
                RefundRequest.full("stripe-test", IdempotencyKey.of("ref-9"), "pi_unknown")));
    assertThrows(
        UnknownPaymentReferenceException.class,
        () ->
            connection.capture(
                CaptureRequest.full("adyen-test", IdempotencyKey.of("cap-10"), "pi_1")));

    // then
    assertThat(stripe.getAllServeEvents().size(), is(1));
    assertThat(adyen.getAllServeEvents().size(), is(0));
  }

  @Test
  void capturesAPreAuthorisationMadeBeforeARestart_andStillChecksItsAmount() throws Exception {
    // given
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      adapter
          .connection()
          .authorise(
              new AuthorisationRequest(
                  "stripe-test",
                  IdempotencyKey.of("order-7"),
                  TEN_POUNDS,
                  card,
                  AuthorisationKind.PRE_AUTHORISATION));
    }
    adapter.close();

    // when
    adapter = TestAdapter.start(logs, configurations);
    PspConnection connection = adapter.connection();
    assertThrows(
        AmountExceedsAuthorisationException.class,
        () ->
            connection.capture(
                CaptureRequest.partial(
                    "stripe-test", IdempotencyKey.of("cap-7a"), "pi_1", Money.of(1001, "GBP"))));
    PaymentResult capture =
        connection.capture(CaptureRequest.full("stripe-test", IdempotencyKey.of("cap-7"), "pi_1"));

    // then
    assertThat(capture.outcome(), is(Outcome.APPROVED));
    stripe.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/capture"))
            .withHeader("Idempotency-Key", equalTo("cap-7"))
            .withRequestBody(equalTo("amount_to_capture=1000")));
    String journal =
        Files.readString(logs.resolve(PaymentJournal.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(journal, not(containsString("4242424242424242")));
    assertThat(journal, not(containsString(TestCards.SECURITY_CODE)));
  }

  @Test
  void keepsNoCardDataInTheRecoveryLog() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");
    recoveryResource().prepare(XID);

    // when
    String log = Files.readString(logs.resolve(RecoveryLog.FILE_NAME), StandardCharsets.UTF_8);

    // then
    assertThat(log, containsString("order-1"));
    assertThat(log, containsString("pi_1"));
    assertThat(log, not(containsString("4242424242424242")));
    assertThat(log, not(containsString(TestCards.SECURITY_CODE)));
    assertThat(log, not(containsString("2030")));
  }

  @Test
  void skipsATornLastLine_whenReplayingTheLog() throws Exception {
    // given
    authoriseInBranch("stripe-test", "order-1");
    recoveryResource().prepare(XID);
    adapter.crash();
    Files.writeString(
        logs.resolve(RecoveryLog.FILE_NAME),
        "2026-11-22T00:00:00Z INTENT 4660:",
        java.nio.file.StandardOpenOption.APPEND);

    // when
    adapter = TestAdapter.start(logs, configurations);

    // then
    assertThat(recoveryResource().recover(XAResource.TMSTARTRSCAN), arrayWithSize(1));
  }

  private static com.github.tomakehurst.wiremock.matching.StringValuePattern containing(
      String text) {
    return com.github.tomakehurst.wiremock.client.WireMock.containing(text);
  }
}
