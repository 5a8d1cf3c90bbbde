package io.tonewall.psp.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.testing.MutableClock;
import io.tonewall.psp.testing.SilentWireMock;
import io.tonewall.psp.testing.TestCards;
import io.tonewall.psp.testing.TestXid;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stripe's search index lags: a payment whose answer was lost may not be found for about a minute.
 * Reconciliation and rollback must not take that NOT_FOUND for "not charged" too early.
 */
class StripeReconciliationTest {
  private static final Xid XID = new TestXid("tx-lag", "b");

  @TempDir Path logs;
  @TempDir Path config;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private WireMockServer stripe;
  private TestAdapter adapter;

  @BeforeEach
  void start() throws Exception {
    stripe = SilentWireMock.start();
    adapter =
        TestAdapter.start(
            logs,
            TestAdapter.providerConfigurations(config, stripe.baseUrl(), stripe.baseUrl()),
            clock);
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
    stripe.stubFor(
        get(urlPathEqualTo("/v1/payment_intents/search"))
            .willReturn(okJson("{\"object\":\"search_result\",\"data\":[],\"has_more\":false}")));
  }

  @AfterEach
  void stop() {
    adapter.close();
    stripe.stop();
  }

  private static PaymentResult authorise(PspConnection connection) throws Exception {
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      return connection.authorise(
          new AuthorisationRequest(
              "stripe-test",
              IdempotencyKey.of("order-5"),
              Money.of(1000, "GBP"),
              card,
              AuthorisationKind.SALE));
    }
  }

  @Test
  void staysUnknown_whileSearchMayNotListThePaymentYet_thenFails() throws Exception {
    // given
    PspConnection connection = adapter.connection();
    PaymentResult unknown = authorise(connection);

    // when
    PaymentResult early = connection.reconcile("stripe-test", IdempotencyKey.of("order-5"));
    clock.advance(Duration.ofMinutes(2));
    PaymentResult late = connection.reconcile("stripe-test", IdempotencyKey.of("order-5"));

    // then
    assertThat(unknown.outcome(), is(Outcome.UNKNOWN));
    assertThat(early.outcome(), is(Outcome.UNKNOWN));
    assertThat(late.outcome(), is(Outcome.FAILED));
  }

  @Test
  void keepsTheRollbackOpen_untilSearchCanBeTrusted() throws Exception {
    // given
    PspManagedConnection managed = adapter.managed();
    XAResource xa = managed.getXAResource();
    xa.start(XID, XAResource.TMNOFLAGS);
    authorise((PspConnection) managed.getConnection(null, null));
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    XAException early = assertThrows(XAException.class, () -> xa.rollback(XID));
    clock.advance(Duration.ofMinutes(2));
    Xid[] inDoubt = xa.recover(XAResource.TMSTARTRSCAN);

    // then
    assertThat(early.errorCode, is(XAException.XAER_RMFAIL));
    assertThat(inDoubt.length, is(0));
    assertThat(adapter.adapter.gateway().inDoubt().isEmpty(), is(true));
    assertThrows(XAException.class, () -> xa.rollback(XID));
    stripe.verify(0, postRequestedFor(urlEqualTo("/v1/payment_intents/pi_1/cancel")));
  }
}
