package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.AmountExceedsAuthorisationException;
import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.CaptureRequest;
import io.tonewall.psp.api.CurrencyMismatchException;
import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentNotCapturableException;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.TokenPaymentRequest;
import io.tonewall.psp.api.TokenisationRequest;
import io.tonewall.psp.api.UnknownPaymentReferenceException;
import io.tonewall.psp.api.UnknownPspConfigurationException;
import io.tonewall.psp.api.VoidRequest;
import io.tonewall.psp.provider.sandbox.SandboxTestCard;
import io.tonewall.psp.testing.TestCards;
import jakarta.resource.ResourceException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SandboxConnectionTest {
  private static final Money TEN_POUNDS = Money.of(1000, "GBP");

  @TempDir Path logs;
  private TestAdapter adapter;
  private PspConnection connection;

  @BeforeEach
  void start() throws ResourceException {
    adapter = TestAdapter.start(logs);
    connection = adapter.connection();
  }

  @AfterEach
  void stop() throws ResourceException {
    connection.close();
    adapter.close();
  }

  private PaymentResult authorise(String key, String pan, AuthorisationKind kind)
      throws ResourceException {
    try (PaymentCard card = TestCards.card(pan)) {
      return connection.authorise(
          new AuthorisationRequest("sandbox", IdempotencyKey.of(key), TEN_POUNDS, card, kind));
    }
  }

  @ParameterizedTest
  @EnumSource(SandboxTestCard.class)
  void answersEachTestCardAsDocumented(SandboxTestCard testCard) throws ResourceException {
    // when
    PaymentResult result = authorise("k-" + testCard, testCard.number(), AuthorisationKind.SALE);

    // then
    switch (testCard.behaviour()) {
      case APPROVE -> assertThat(result.outcome(), is(Outcome.APPROVED));
      case DECLINE -> {
        assertThat(result.outcome(), is(Outcome.DECLINED));
        assertThat(result.declineReason(), is(testCard.declineReason()));
      }
      case FAIL -> assertThat(result.outcome(), is(Outcome.FAILED));
      default -> assertThat(result.outcome(), is(Outcome.UNKNOWN));
    }
  }

  @Test
  void listsTheBuiltInSandboxConfiguration_withoutSecrets() throws ResourceException {
    // when
    List<PspConfigurationSummary> configurations = connection.configurations();

    // then
    assertThat(configurations, hasItem(new PspConfigurationSummary("sandbox", "sandbox")));
  }

  @Test
  void approvesAnyOtherValidCard() throws ResourceException {
    assertThat(
        authorise("k1", "6011111111111117", AuthorisationKind.SALE).outcome(),
        is(Outcome.APPROVED));
  }

  @Test
  void answersARepeatedKeyWithTheFirstAnswer_withoutChargingTwice() throws ResourceException {
    // given
    PaymentResult first = authorise("same", "4242424242424242", AuthorisationKind.SALE);

    // when
    PaymentResult second = authorise("same", "4242424242424242", AuthorisationKind.SALE);

    // then
    assertThat(second, is(first));
  }

  @Test
  void capturesPartOfAPreAuthorisation() throws ResourceException {
    // given
    String reference =
        authorise("pre", "4242424242424242", AuthorisationKind.PRE_AUTHORISATION)
            .providerReference()
            .orElseThrow();

    // when
    PaymentResult capture =
        connection.capture(
            CaptureRequest.partial(
                "sandbox", IdempotencyKey.of("cap"), reference, Money.of(600, "GBP")));

    // then
    assertThat(capture.outcome(), is(Outcome.APPROVED));
    assertThat(
        connection.statusByReference("sandbox", reference).state(), is(PaymentState.CAPTURED));
  }

  @Test
  void rejectsCaptureAboveTheAuthorisedAmount_beforeSending() throws ResourceException {
    // given
    String reference =
        authorise("pre", "4242424242424242", AuthorisationKind.PRE_AUTHORISATION)
            .providerReference()
            .orElseThrow();

    // when
    AmountExceedsAuthorisationException e =
        assertThrows(
            AmountExceedsAuthorisationException.class,
            () ->
                connection.capture(
                    CaptureRequest.partial(
                        "sandbox", IdempotencyKey.of("cap"), reference, Money.of(1001, "GBP"))));

    // then
    assertThat(e.getMessage(), containsString("exceeds the authorised 1000 GBP"));
    assertThat(
        connection.statusByReference("sandbox", reference).state(), is(PaymentState.AUTHORISED));
  }

  @Test
  void rejectsCaptureInAnotherCurrency() throws ResourceException {
    // given
    String reference =
        authorise("pre", "4242424242424242", AuthorisationKind.PRE_AUTHORISATION)
            .providerReference()
            .orElseThrow();

    // then
    assertThrows(
        CurrencyMismatchException.class,
        () ->
            connection.capture(
                CaptureRequest.partial(
                    "sandbox", IdempotencyKey.of("cap"), reference, Money.of(100, "EUR"))));
  }

  @Test
  void waitsTheConfiguredSandboxLatency(@TempDir Path otherLogs) throws ResourceException {
    // given
    PspResourceAdapter slow = new PspResourceAdapter(java.time.Clock.systemUTC());
    slow.setRecoveryLogDirectory(otherLogs.toString());
    slow.setSandboxLatencyMillis(150);
    slow.start(null);
    PspManagedConnectionFactory factory = new PspManagedConnectionFactory();
    factory.setResourceAdapter(slow);
    long started = System.nanoTime();

    // when
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      ((io.tonewall.psp.api.PspConnectionFactory) factory.createConnectionFactory())
          .getConnection()
          .authorise(
              new AuthorisationRequest(
                  "sandbox", IdempotencyKey.of("slow"), TEN_POUNDS, card, AuthorisationKind.SALE));
    } finally {
      slow.stop();
    }

    // then
    assertThat((System.nanoTime() - started) / 1_000_000 >= 150, is(true));
  }

  @Test
  void refundsInPartsUpToTheCapturedAmount() throws ResourceException {
    // given
    String reference =
        authorise("sale", "4242424242424242", AuthorisationKind.SALE)
            .providerReference()
            .orElseThrow();
    connection.refund(
        RefundRequest.partial("sandbox", IdempotencyKey.of("r1"), reference, Money.of(400, "GBP")));

    // when
    AmountExceedsAuthorisationException tooMuch =
        assertThrows(
            AmountExceedsAuthorisationException.class,
            () ->
                connection.refund(
                    RefundRequest.partial(
                        "sandbox", IdempotencyKey.of("r2"), reference, Money.of(601, "GBP"))));
    PaymentResult rest =
        connection.refund(RefundRequest.full("sandbox", IdempotencyKey.of("r3"), reference));

    // then
    assertThat(tooMuch.getMessage(), containsString("600 left"));
    assertThat(rest.amount(), is(Optional.of(Money.of(600, "GBP"))));
    assertThat(
        connection.statusByReference("sandbox", reference).state(), is(PaymentState.REFUNDED));
  }

  @Test
  void rejectsRefundOfAnUnknownReference() {
    UnknownPaymentReferenceException e =
        assertThrows(
            UnknownPaymentReferenceException.class,
            () ->
                connection.refund(
                    RefundRequest.full("sandbox", IdempotencyKey.of("r"), "sbx_999")));
    assertThat(e.getMessage(), containsString("sbx_999"));
  }

  @Test
  void rejectsRefundOfAnUncapturedAuthorisation() throws ResourceException {
    // given
    String reference =
        authorise("pre", "4242424242424242", AuthorisationKind.PRE_AUTHORISATION)
            .providerReference()
            .orElseThrow();

    // then
    assertThrows(
        PaymentNotCapturableException.class,
        () -> connection.refund(RefundRequest.full("sandbox", IdempotencyKey.of("r"), reference)));
  }

  @Test
  void rejectsAnUnknownConfiguration() {
    UnknownPspConfigurationException e =
        assertThrows(
            UnknownPspConfigurationException.class,
            () -> connection.status("nowhere", IdempotencyKey.of("k")));
    assertThat(e.getMessage(), containsString("'nowhere'"));
  }

  @Test
  void voidsAnAuthorisationOnce() throws ResourceException {
    // given
    String reference =
        authorise("pre", "4242424242424242", AuthorisationKind.PRE_AUTHORISATION)
            .providerReference()
            .orElseThrow();

    // when
    PaymentResult voided =
        connection.voidAuthorisation(new VoidRequest("sandbox", IdempotencyKey.of("v"), reference));

    // then
    assertThat(voided.outcome(), is(Outcome.APPROVED));
    assertThat(connection.statusByReference("sandbox", reference).state(), is(PaymentState.VOIDED));
    assertThrows(
        PaymentNotCapturableException.class,
        () ->
            connection.voidAuthorisation(
                new VoidRequest("sandbox", IdempotencyKey.of("v2"), reference)));
  }

  @Test
  void reconcilesAnUnknownOutcomeToApproved_whenTheAcquirerAuthorised() throws ResourceException {
    // given
    PaymentResult unknown =
        authorise(
            "lost-answer",
            SandboxTestCard.TIMEOUT_AFTER_AUTHORISING.number(),
            AuthorisationKind.PRE_AUTHORISATION);

    // when
    PaymentResult resolved = connection.reconcile("sandbox", IdempotencyKey.of("lost-answer"));

    // then
    assertThat(unknown.outcome(), is(Outcome.UNKNOWN));
    assertThat(resolved.outcome(), is(Outcome.APPROVED));
    assertThat(
        connection.status("sandbox", IdempotencyKey.of("lost-answer")).state(),
        is(PaymentState.AUTHORISED));
  }

  @Test
  void reconcilesAnUnknownOutcomeToFailed_whenTheRequestNeverArrived() throws ResourceException {
    // given
    authorise(
        "lost-request", SandboxTestCard.TIMEOUT_BEFORE_ACQUIRER.number(), AuthorisationKind.SALE);

    // when
    PaymentResult resolved = connection.reconcile("sandbox", IdempotencyKey.of("lost-request"));

    // then
    assertThat(resolved.outcome(), is(Outcome.FAILED));
  }

  @Test
  void paysWithATokenWithoutTheCard() throws ResourceException {
    // given
    PaymentResult token;
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      token =
          connection.tokenise(
              new TokenisationRequest(
                  "sandbox",
                  IdempotencyKey.of("tok"),
                  card,
                  Currency.getInstance("GBP"),
                  "customer-1"));
    }

    // when
    PaymentResult payment =
        connection.payWithToken(
            new TokenPaymentRequest(
                "sandbox",
                IdempotencyKey.of("pay"),
                TEN_POUNDS,
                token.token().orElseThrow(),
                AuthorisationKind.SALE));

    // then
    assertThat(token.outcome(), is(Outcome.APPROVED));
    assertThat(payment.outcome(), is(Outcome.APPROVED));
  }

  @Test
  void paysWithTheDocumentedApprovingTestToken_withoutATokenisationFirst()
      throws ResourceException {
    // when
    PaymentResult payment = payWithToken("pay-approve", "sbx_tok_test_approve");

    // then
    assertThat(payment.outcome(), is(Outcome.APPROVED));
    assertThat(payment.providerReference().isPresent(), is(true));
  }

  @Test
  void declinesTheDocumentedDecliningTestToken() throws ResourceException {
    // when
    PaymentResult payment = payWithToken("pay-decline", "sbx_tok_test_decline");

    // then
    assertThat(payment.outcome(), is(Outcome.DECLINED));
    assertThat(payment.declineReason(), is(Optional.of(DeclineReason.DO_NOT_HONOUR)));
  }

  @Test
  void failsAnUnknownToken_andAnswersARepeatedKeyAlike() throws ResourceException {
    // when
    PaymentResult first = payWithToken("pay-unknown", "sbx_tok_nobody");
    PaymentResult again = payWithToken("pay-unknown", "sbx_tok_nobody");

    // then
    assertThat(first.outcome(), is(Outcome.FAILED));
    assertThat(again.outcome(), is(Outcome.FAILED));
  }

  private PaymentResult payWithToken(String key, String token) throws ResourceException {
    return connection.payWithToken(
        new TokenPaymentRequest(
            "sandbox", IdempotencyKey.of(key), TEN_POUNDS, token, AuthorisationKind.SALE));
  }

  @Test
  void refusesUse_afterTheHandleIsClosed() throws ResourceException {
    // given
    connection.close();

    // then
    assertThrows(
        jakarta.resource.spi.IllegalStateException.class,
        () -> connection.status("sandbox", IdempotencyKey.of("k")));
  }

  @Test
  void refusesConfigurationsThePoolDoesNotAllow() throws ResourceException {
    // given
    adapter.factory.setAllowedConfigurations("sandbox");
    PspConnection restricted = adapter.connection();

    // then
    assertThrows(
        UnknownPspConfigurationException.class,
        () -> restricted.status("stripe-test", IdempotencyKey.of("k")));
    assertThat(
        restricted.status("sandbox", IdempotencyKey.of("k")).state(), is(PaymentState.NOT_FOUND));
  }
}
