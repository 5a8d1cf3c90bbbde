package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A card number sent where none belongs (amount, currency, query values, ids, Idempotency-Key,
 * webhook URL, call references, token, PSP configuration) is refused with a 400 (404 for an id
 * under a client's webhooks) whose problem document does not repeat it; the answers stored for
 * Idempotency-Key replays, the server log and (on PostgreSQL) every text column of every table hold
 * no such digits.
 *
 * <p>Runs on PostgreSQL only (tag {@code database-incidental}, web-agent/pom.xml): the refusals are
 * input validation done before any database work, and the PostgreSQL run checks the stored replays
 * through the API and also searches every text column, which the H2 run cannot.
 */
@Tag("database-incidental")
@ExtendWith(TonewallServer.class)
class CardDigitsInRequestsIT {

  private final URL base = TonewallServer.base();

  private ApiHttp api;

  private String token;

  @BeforeEach
  void connect() throws Exception {
    api = new ApiHttp(base);
    token = api.token(ApiHttp.CLIENT, ApiHttp.SECRET);
  }

  @Test
  void refusesCardNumbersWhereverTheyAreSent_andRepeatsThemNowhere() throws Exception {
    for (String card : List.of("4242424242424242", "4111111111111111")) {
      refusesEverywhere(card);
    }
  }

  private void refusesEverywhere(String card) throws Exception {
    // given: a session to address, and the answers collected
    String session =
        ApiHttp.json(
                api.post("api/v1/sessions", "{\"amount\":100,\"currency\":\"GBP\"}", token).body())
            .getString("id");
    List<String> answers = new ArrayList<>();

    // when / then: bodies, each sent with an Idempotency-Key (so that 4xx answers are stored)
    refusedAndStored(
        answers, card, "api/v1/sessions", "{\"amount\":" + card + ",\"currency\":\"GBP\"}");
    refusedAndStored(
        answers, card, "api/v1/sessions", "{\"amount\":\"" + card + "\",\"currency\":\"GBP\"}");
    refusedAndStored(
        answers, card, "api/v1/sessions", "{\"amount\":100,\"currency\":\"" + card + "\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/sessions",
        "{\"amount\":100,\"currency\":\"GBP\",\"callReference\":\"" + card + "\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/sessions",
        "{\"amount\":100,\"currency\":\"GBP\",\"pspConfiguration\":\"" + card + "\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/sessions",
        "{\"amount\":100,\"currency\":\"GBP\",\"merchantReference\":\"ref " + card + "\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/token-payments",
        "{\"token\":\"" + card + "\",\"amount\":100,\"currency\":\"GBP\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/token-payments",
        "{\"token\":\"sbx_tok_test_approve\",\"amount\":" + card + ",\"currency\":\"GBP\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/sessions/" + session + "/part",
        "{\"amount\":" + card + ",\"currency\":\"GBP\"}");
    refusedAndStored(
        answers,
        card,
        "api/v1/sessions/" + session + "/secure",
        "{\"callReference\":\"" + card + "\"}");
    refusedAndStored(answers, card, "api/v1/webhooks", "{\"url\":\"" + card + "\"}");
    refusedAndStored(
        answers, card, "api/v1/webhooks", "{\"url\":\"https://hooks.example.org/" + card + "\"}");
    refusedAndStored(
        answers, card, "api/v1/calls/it-call-own/transfers", "{\"to\":\"" + card + "\"}");
    refusedAndStored(
        answers, card, "api/v1/calls/" + card + "/transfers", "{\"to\":\"it-call-b\"}");
    refusedAndStored(
        answers, card, "api/v1/sessions/" + session + "/fields/" + card + "/request", "");

    // when / then: the key itself
    HttpResponse<String> cardAsKey =
        api.post("api/v1/sessions", "{\"amount\":100,\"currency\":\"GBP\"}", token, card);
    refused(answers, card, cardAsKey, 400);
    assertThat(ApiHttp.json(cardAsKey.body()).getString("detail"), containsString("card number"));
    refused(
        answers,
        card,
        api.post("api/v1/sessions", "{\"amount\":100,\"currency\":\"GBP\"}", token, "k-" + card),
        400);

    // when / then: query values, path ids
    refused(answers, card, api.get("api/v1/sessions?page=" + card, token), 400);
    refused(answers, card, api.get("api/v1/sessions?size=" + card, token), 400);
    refused(answers, card, api.get("api/v1/sessions?status=" + card, token), 400);
    refused(answers, card, api.get("api/v1/sessions/" + card, token), 400);
    refused(answers, card, api.get("api/v1/transactions/" + card, token), 400);
    refused(answers, card, api.get("api/v1/audit/sessions/" + card, token), 400);
    refused(answers, card, api.get("api/v1/calls/" + card + "/transactions", token), 400);
    refused(answers, card, api.delete("api/v1/webhooks/" + card, token), 404);
    refused(
        answers, card, api.post("api/v1/webhooks/deliveries/" + card + "/replay", "", token), 404);

    // then: nowhere in what was answered, logged or stored
    for (String answer : answers) {
      assertThat(answer, not(containsString(card)));
    }
    assertThat("the server log", CardDigitsSearch.serverLog().indexOf(card), is(-1));
    if (CardDigitsSearch.jdbcUrl().isPresent()) {
      assertThat(
          "the search finds what is there",
          CardDigitsSearch.columnsHolding(CardDigitsSearch.jdbcUrl().get(), session),
          hasItem("payment_session.id"));
      assertThat(
          "text columns holding the card number",
          CardDigitsSearch.columnsHolding(CardDigitsSearch.jdbcUrl().get(), card),
          is(List.of()));
    }
  }

  /** POSTs twice with one fresh key: a 400 problem, then the stored answer replayed. */
  private void refusedAndStored(List<String> answers, String card, String path, String body)
      throws Exception {
    String key = "it_" + UUID.randomUUID();
    HttpResponse<String> first = api.post(path, body, token, key);
    refused(answers, card, first, 400);
    HttpResponse<String> replayed = api.post(path, body, token, key);
    assertThat(path + " replayed", replayed.statusCode(), is(400));
    assertThat(replayed.headers().firstValue("Idempotent-Replayed").orElse("no"), is("true"));
    answers.add(replayed.body());
  }

  private static void refused(
      List<String> answers, String card, HttpResponse<String> response, int status) {
    String what = response.request().method() + " " + response.request().uri().getPath();
    assertThat(what + ": " + response.body(), response.statusCode(), is(status));
    assertThat(
        what,
        response.headers().firstValue("Content-Type").orElse(""),
        startsWith("application/problem+json"));
    JsonObject problem = ApiHttp.json(response.body());
    assertThat(what, problem.getInt("status"), is(status));
    assertThat(what, problem.getString("detail").isBlank(), is(false));
    assertThat(what, response.body(), not(containsString(card)));
    answers.add(response.body());
    answers.add(response.headers().map().toString());
  }
}
