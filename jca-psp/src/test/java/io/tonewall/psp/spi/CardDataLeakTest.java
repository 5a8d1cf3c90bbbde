package io.tonewall.psp.spi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.TokenisationRequest;
import io.tonewall.psp.provider.sandbox.SandboxTestCard;
import io.tonewall.psp.testing.SilentWireMock;
import io.tonewall.psp.testing.TestCards;
import io.tonewall.psp.testing.TestXid;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every provider through every outcome with test cards while capturing all logging (root
 * java.util.logging handler at ALL, System.out and System.err), and checks that no card number or
 * security code appears there, nor in any result or exception text.
 */
class CardDataLeakTest {
  private static final List<String> NUMBERS =
      Arrays.stream(SandboxTestCard.values()).map(SandboxTestCard::number).toList();

  @TempDir Path logs;
  @TempDir Path config;
  private WireMockServer stripe;
  private WireMockServer adyen;
  private TestAdapter adapter;
  private final StringBuilder captured = new StringBuilder();
  private final List<String> texts = new ArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (captured) {
            captured.append(formatter.format(record));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream out;
  private PrintStream err;
  private Level rootLevel;
  private Level pspLevel;

  @BeforeEach
  void capture() throws Exception {
    Logger root = Logger.getLogger("");
    rootLevel = root.getLevel();
    pspLevel = Logger.getLogger("io.tonewall").getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger("io.tonewall").setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    out = System.out;
    err = System.err;
    PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    stripe = SilentWireMock.start();
    adyen = SilentWireMock.start();
    adapter =
        TestAdapter.start(
            logs, TestAdapter.providerConfigurations(config, stripe.baseUrl(), adyen.baseUrl()));
  }

  @AfterEach
  void release() {
    adapter.close();
    stripe.stop();
    adyen.stop();
    System.setOut(out);
    System.setErr(err);
    Logger root = Logger.getLogger("");
    root.removeHandler(handler);
    root.setLevel(rootLevel);
    Logger.getLogger("io.tonewall").setLevel(pspLevel);
  }

  @Test
  void leaksNoCardNumberOrSecurityCode_acrossProvidersAndOutcomes() throws Exception {
    // given
    PspConnection connection = adapter.connection();

    // when
    runSandbox(connection);
    runStripe(connection);
    runAdyen(connection);
    runTransactions();
    runBadInput();

    // then
    String everything =
        captured + console.toString(StandardCharsets.UTF_8) + String.join("\n", texts);
    assertThat(captured.length(), greaterThan(1000));
    assertThat(everything, containsString("424242******4242"));
    assertThat(leaks(everything), is(empty()));
  }

  private static List<String> leaks(String text) {
    List<String> found = new ArrayList<>();
    for (String number : NUMBERS) {
      if (text.contains(number)) {
        found.add("card number ending " + number.substring(number.length() - 4));
      }
    }
    if (Pattern.compile("(?<!\\d)" + TestCards.SECURITY_CODE + "(?!\\d)").matcher(text).find()) {
      found.add("security code");
    }
    return found;
  }

  private void runSandbox(PspConnection connection) {
    for (SandboxTestCard card : SandboxTestCard.values()) {
      authorise(connection, "sandbox", "sbx-" + card.ordinal(), card.number());
      reconcile(connection, "sandbox", "sbx-" + card.ordinal());
    }
    try (PaymentCard card = TestCards.card(SandboxTestCard.INSUFFICIENT_FUNDS.number())) {
      record(
          () ->
              connection
                  .tokenise(
                      new TokenisationRequest(
                          "sandbox",
                          IdempotencyKey.of("tok-1"),
                          card,
                          Currency.getInstance("GBP"),
                          "customer-1"))
                  .toString());
    }
  }

  private void runStripe(PspConnection connection) {
    String[] answers = {
      "{\"id\":\"pi_1\",\"status\":\"requires_capture\",\"amount\":1000,\"currency\":\"gbp\"}",
      "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
          + "\"message\":\"Your card 4000000000009995 has insufficient funds.\"}}",
      "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid cvc "
          + TestCards.SECURITY_CODE
          + "\"}}",
      "{\"error\":{\"type\":\"api_error\"}}",
      "{\"id\":"
    };
    int[] statuses = {200, 402, 400, 500, 200};
    for (int i = 0; i < answers.length; i++) {
      stripe.stubFor(
          post("/v1/payment_intents")
              .willReturn(aResponse().withStatus(statuses[i]).withBody(answers[i])));
      authorise(connection, "stripe-test", "st-" + i, NUMBERS.get(i));
    }
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(aResponse().withStatus(200).withBody(answers[0]).withFixedDelay(1500)));
    authorise(connection, "stripe-test", "st-timeout", "4242424242424242");
    stripe.stubFor(
        post("/v1/payment_intents")
            .willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));
    authorise(connection, "stripe-test", "st-garbage", "4242424242424242");
    stripe.stubFor(post(urlPathEqualTo("/v1/customers")).willReturn(okJson("{\"id\":\"cus_1\"}")));
    stripe.stubFor(
        post(urlPathEqualTo("/v1/setup_intents"))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withBody(
                        "{\"error\":{\"type\":\"card_error\",\"code\":\"incorrect_cvc\",\"message\":\"cvc "
                            + TestCards.SECURITY_CODE
                            + " wrong\"}}")));
    try (PaymentCard card = TestCards.card("4000000000000127")) {
      record(
          () ->
              connection
                  .tokenise(
                      new TokenisationRequest(
                          "stripe-test",
                          IdempotencyKey.of("st-tok"),
                          card,
                          Currency.getInstance("GBP"),
                          "customer-1"))
                  .toString());
    }
    reconcile(connection, "stripe-test", "st-timeout");
  }

  private void runAdyen(PspConnection connection) {
    String[] answers = {
      "{\"pspReference\":\"PSP1\",\"resultCode\":\"Authorised\"}",
      "{\"pspReference\":\"PSP2\",\"resultCode\":\"Refused\",\"refusalReason\":\"Not enough balance\"}",
      "{\"status\":422,\"errorCode\":\"101\",\"message\":\"Invalid card number 4000000000000010\"}",
      "{\"status\":500,\"errorCode\":\"905\"}",
      "not json"
    };
    int[] statuses = {200, 200, 422, 500, 200};
    for (int i = 0; i < answers.length; i++) {
      adyen.stubFor(
          post("/v71/payments")
              .willReturn(aResponse().withStatus(statuses[i]).withBody(answers[i])));
      authorise(connection, "adyen-test", "ad-" + i, NUMBERS.get(NUMBERS.size() - 1 - i));
    }
    adyen.stubFor(
        post("/v71/payments")
            .willReturn(aResponse().withStatus(200).withBody(answers[0]).withFixedDelay(1500)));
    authorise(connection, "adyen-test", "ad-timeout", "5555555555554444");
    adyen.stubFor(
        post("/v71/cancels")
            .willReturn(aResponse().withStatus(201).withBody("{\"status\":\"received\"}")));
    reconcile(connection, "adyen-test", "ad-timeout");
  }

  private void runTransactions() throws Exception {
    for (String configuration : List.of("sandbox", "stripe-test", "adyen-test")) {
      PspManagedConnection managed = adapter.managed();
      XAResource xa = managed.getXAResource();
      TestXid xid = new TestXid("leak-" + configuration, "b");
      xa.start(xid, XAResource.TMNOFLAGS);
      authorise(
          (PspConnection) managed.getConnection(null, null),
          configuration,
          "tx-" + configuration,
          "4242424242424242");
      xa.end(xid, XAResource.TMSUCCESS);
      record(
          () -> {
            xa.rollback(xid);
            return "rolled back";
          });
    }
  }

  private void runBadInput() {
    String[][] bad = {
      {"4242424242424241", "1230", "123"},
      {"424242424242", "1330", TestCards.SECURITY_CODE},
      {"4242424242424242", "1230", TestCards.SECURITY_CODE + "9"},
      {"4242424242424242x", "1230", "123"}
    };
    for (String[] fields : bad) {
      record(
          () ->
              PaymentCard.of(
                      fields[0].toCharArray(), fields[1].toCharArray(), fields[2].toCharArray())
                  .toString());
    }
  }

  private void authorise(PspConnection connection, String configuration, String key, String pan) {
    try (PaymentCard card = TestCards.card(pan)) {
      record(
          () ->
              connection
                  .authorise(
                      new AuthorisationRequest(
                          configuration,
                          IdempotencyKey.of(key),
                          Money.of(1000, "GBP"),
                          card,
                          AuthorisationKind.PRE_AUTHORISATION))
                  .toString());
    }
  }

  private void reconcile(PspConnection connection, String configuration, String key) {
    record(() -> connection.reconcile(configuration, IdempotencyKey.of(key)).toString());
    record(() -> connection.status(configuration, IdempotencyKey.of(key)).toString());
  }

  private interface Step {
    String run() throws Exception;
  }

  /** Runs a step, keeping its result text or its exception's full text with causes. */
  private void record(Step step) {
    try {
      texts.add(step.run());
    } catch (Exception e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      texts.add(e.toString());
      texts.add(trace.toString());
    }
  }
}
