package io.tonewall.psp.provider.stripe;

import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.StatusQueryFailedException;
import io.tonewall.psp.http.HttpExchange;
import io.tonewall.psp.http.JsonReading;
import io.tonewall.psp.http.PspHttpClient;
import io.tonewall.psp.http.RedactedText;
import io.tonewall.psp.http.SecretBody;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.provider.PspProvider;
import io.tonewall.psp.spi.CardAccess;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's API over plain HTTP. Tokens are {@code cus_...:pm_...} (the Customer and the
 * PaymentMethod attached to it by a SetupIntent). Raw card numbers are sent as {@code
 * payment_method_data[card][number]}, which Stripe accepts only on accounts with raw card data
 * access enabled.
 */
public final class StripeProvider implements PspProvider {
  static final String KEY_METADATA = "metadata[tonewall_idempotency_key]";
  static final Duration SEARCH_LAG = Duration.ofSeconds(90);
  static final int REFUND_PAGE_SIZE = 100;
  static final int MAX_REFUND_PAGES = 10;

  private final PspHttpClient http;
  private final URI baseUrl;
  private final String apiKey;

  public StripeProvider(PspConfiguration configuration, PspHttpClient http) {
    this.http = http;
    this.baseUrl = configuration.baseUrl().orElseThrow();
    this.apiKey = configuration.apiKey().orElseThrow();
  }

  @Override
  public PaymentResult authorise(
      IdempotencyKey key, Money amount, PaymentCard card, boolean capture) {
    Operation operation = capture ? Operation.SALE : Operation.AUTHORISE;
    SecretBody body = intentBody(key, amount, capture);
    body.formField("payment_method_types[]", "card").formField("payment_method_data[type]", "card");
    writeCard(card, body);
    return paymentIntentResult(operation, key, post("/v1/payment_intents", key, body), amount);
  }

  @Override
  public PaymentResult payWithToken(
      IdempotencyKey key, Money amount, String token, boolean capture) {
    Operation operation = capture ? Operation.SALE : Operation.AUTHORISE;
    String[] parts = token.split(":", 2);
    if (parts.length != 2) {
      return PaymentResult.unsettled(
          operation, Outcome.FAILED, key, "not a Stripe token (cus_...:pm_...)");
    }
    SecretBody body = intentBody(key, amount, capture);
    body.formField("customer", parts[0])
        .formField("payment_method", parts[1])
        .formField("off_session", "true");
    return paymentIntentResult(operation, key, post("/v1/payment_intents", key, body), amount);
  }

  @Override
  public PaymentResult tokenise(
      IdempotencyKey key, PaymentCard card, Currency currency, String customerReference) {
    IdempotencyKey customerKey = key.derived("customer");
    SecretBody customerBody =
        new SecretBody()
            .formField("metadata[tonewall_customer_reference]", customerReference)
            .formField(KEY_METADATA, customerKey.value());
    HttpExchange customerExchange = post("/v1/customers", customerKey, customerBody);
    Optional<String> customer = createdId(customerExchange);
    if (customer.isEmpty()) {
      return failure(Operation.TOKENISE, key, customerExchange);
    }
    SecretBody body =
        new SecretBody()
            .formField("confirm", "true")
            .formField("customer", customer.get())
            .formField("usage", "off_session")
            .formField("payment_method_types[]", "card")
            .formField("payment_method_data[type]", "card");
    writeCard(card, body);
    body.formField(KEY_METADATA, key.value());
    HttpExchange exchange = post("/v1/setup_intents", key, body);
    if (exchange instanceof HttpExchange.Answered answered && answered.isSuccess()) {
      Optional<JsonObject> json = JsonReading.object(answered.body());
      Optional<String> status = json.flatMap(j -> JsonReading.string(j, "status"));
      Optional<String> paymentMethod = json.flatMap(j -> JsonReading.string(j, "payment_method"));
      Optional<String> id = json.flatMap(j -> JsonReading.string(j, "id"));
      if (status.isEmpty() || id.isEmpty()) {
        return unreadable(Operation.TOKENISE, key);
      }
      if ("succeeded".equals(status.get()) && paymentMethod.isPresent()) {
        return PaymentResult.approved(Operation.TOKENISE, key, id.get(), Optional.empty())
            .withToken(customer.get() + ":" + paymentMethod.get());
      }
      if ("requires_action".equals(status.get())) {
        return PaymentResult.declined(
            Operation.TOKENISE,
            key,
            DeclineReason.AUTHENTICATION_REQUIRED,
            id,
            "SetupIntent requires_action");
      }
      return PaymentResult.unsettled(
          Operation.TOKENISE, Outcome.UNKNOWN, key, "SetupIntent status " + status.get());
    }
    return failure(Operation.TOKENISE, key, exchange);
  }

  @Override
  public PaymentResult capture(IdempotencyKey key, String reference, Money amount) {
    SecretBody body =
        new SecretBody().formField("amount_to_capture", Long.toString(amount.minorUnits()));
    HttpExchange exchange = post("/v1/payment_intents/" + path(reference) + "/capture", key, body);
    return modification(Operation.CAPTURE, key, exchange, "succeeded", amount);
  }

  @Override
  public PaymentResult cancel(IdempotencyKey key, String reference) {
    HttpExchange exchange =
        post("/v1/payment_intents/" + path(reference) + "/cancel", key, new SecretBody());
    return modification(Operation.VOID, key, exchange, "canceled", null);
  }

  @Override
  public PaymentResult refund(IdempotencyKey key, String reference, Money amount) {
    SecretBody body =
        new SecretBody()
            .formField("payment_intent", reference)
            .formField("amount", Long.toString(amount.minorUnits()))
            .formField(KEY_METADATA, key.value());
    HttpExchange exchange = post("/v1/refunds", key, body);
    if (exchange instanceof HttpExchange.Answered answered && answered.isSuccess()) {
      Optional<JsonObject> json = JsonReading.object(answered.body());
      Optional<String> status = json.flatMap(j -> JsonReading.string(j, "status"));
      Optional<String> id = json.flatMap(j -> JsonReading.string(j, "id"));
      if (status.isEmpty() || id.isEmpty()) {
        return unreadable(Operation.REFUND, key);
      }
      if ("failed".equals(status.get()) || "canceled".equals(status.get())) {
        return PaymentResult.unsettled(
            Operation.REFUND, Outcome.FAILED, key, "refund " + status.get());
      }
      return PaymentResult.approved(Operation.REFUND, key, reference, Optional.of(amount));
    }
    return failure(Operation.REFUND, key, exchange);
  }

  @Override
  public PaymentStatus status(IdempotencyKey originalKey) throws StatusQueryFailedException {
    String query = "metadata['tonewall_idempotency_key']:'" + originalKey.value() + "'";
    HttpExchange exchange =
        get("/v1/payment_intents/search?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    JsonObject json = answeredObject(exchange);
    JsonArray data = json.getJsonArray("data");
    if (data == null || data.isEmpty()) {
      return PaymentStatus.notFound();
    }
    return intentStatus(data.getJsonObject(0));
  }

  @Override
  public PaymentStatus statusByReference(String reference) throws StatusQueryFailedException {
    HttpExchange exchange = get("/v1/payment_intents/" + path(reference));
    if (exchange instanceof HttpExchange.Answered answered && answered.status() == 404) {
      return PaymentStatus.notFound();
    }
    return intentStatus(answeredObject(exchange));
  }

  /**
   * Lists the payment's refunds ({@code GET /v1/refunds?payment_intent=...&limit=100}, following
   * {@code has_more} with {@code starting_after}) and reads the one whose {@code
   * metadata[tonewall_idempotency_key]} is the key. Stripe's list, unlike its search, is not
   * eventually consistent: a refund created is listed, so NOT_FOUND means it was not sent yet.
   */
  @Override
  public RefundStatus refundStatus(IdempotencyKey refundKey, String paymentReference)
      throws StatusQueryFailedException {
    Optional<String> startingAfter = Optional.empty();
    for (int page = 0; page < MAX_REFUND_PAGES; page++) {
      HttpExchange exchange =
          get(
              "/v1/refunds?payment_intent="
                  + path(paymentReference)
                  + "&limit="
                  + REFUND_PAGE_SIZE
                  + startingAfter.map(id -> "&starting_after=" + path(id)).orElse(""));
      if (exchange instanceof HttpExchange.Answered answered && answered.status() == 404) {
        return RefundStatus.notFound();
      }
      JsonObject list = answeredObject(exchange);
      if (!(list.get("data") instanceof JsonArray data)) {
        throw new StatusQueryFailedException("Stripe refund list without data");
      }
      Optional<String> lastId = Optional.empty();
      for (JsonValue value : data) {
        if (!(value instanceof JsonObject refund)) {
          throw new StatusQueryFailedException("Stripe refund list with a non-object entry");
        }
        Optional<String> key =
            JsonReading.child(refund, "metadata")
                .flatMap(m -> JsonReading.string(m, "tonewall_idempotency_key"));
        if (key.filter(refundKey.value()::equals).isPresent()) {
          return StripeRefunds.status(refund);
        }
        lastId = JsonReading.string(refund, "id");
      }
      if (!list.getBoolean("has_more", false) || lastId.isEmpty()) {
        return RefundStatus.notFound();
      }
      startingAfter = lastId;
    }
    throw new StatusQueryFailedException(
        "more than " + MAX_REFUND_PAGES * REFUND_PAGE_SIZE + " refunds listed for one payment");
  }

  @Override
  public PaymentResult cancelByOriginalKey(IdempotencyKey key, IdempotencyKey originalKey) {
    return PaymentResult.unsettled(
        Operation.VOID, Outcome.FAILED, key, "Stripe answers status queries instead");
  }

  @Override
  public boolean answersStatusByKey() {
    return true;
  }

  /** Stripe's search API is eventually consistent: new payments appear within about a minute. */
  @Override
  public Duration statusLag() {
    return SEARCH_LAG;
  }

  private SecretBody intentBody(IdempotencyKey key, Money amount, boolean capture) {
    return new SecretBody()
        .formField("amount", Long.toString(amount.minorUnits()))
        .formField("currency", amount.currencyCode().toLowerCase(Locale.ROOT))
        .formField("confirm", "true")
        .formField("capture_method", capture ? "automatic" : "manual")
        .formField(KEY_METADATA, key.value());
  }

  private static void writeCard(PaymentCard card, SecretBody body) {
    CardAccess.Reader reader = CardAccess.reader();
    body.formName("payment_method_data[card][number]");
    reader.writeNumber(card, body);
    body.formName("payment_method_data[card][exp_month]");
    reader.writeExpiryMonth(card, body);
    body.formName("payment_method_data[card][exp_year]");
    reader.writeExpiryYear(card, body);
    body.formName("payment_method_data[card][cvc]");
    reader.writeSecurityCode(card, body);
  }

  private PaymentResult paymentIntentResult(
      Operation operation, IdempotencyKey key, HttpExchange exchange, Money amount) {
    if (!(exchange instanceof HttpExchange.Answered answered) || !answered.isSuccess()) {
      return failure(operation, key, exchange);
    }
    Optional<JsonObject> json = JsonReading.object(answered.body());
    Optional<String> id = json.flatMap(j -> JsonReading.string(j, "id"));
    Optional<String> status = json.flatMap(j -> JsonReading.string(j, "status"));
    if (id.isEmpty() || status.isEmpty()) {
      return unreadable(operation, key);
    }
    switch (status.get()) {
      case "requires_capture":
      case "succeeded":
        return PaymentResult.approved(operation, key, id.get(), Optional.of(amount));
      case "requires_action":
        return PaymentResult.declined(
            operation, key, DeclineReason.AUTHENTICATION_REQUIRED, id, "requires_action");
      case "requires_payment_method":
        Optional<JsonObject> error = json.flatMap(j -> JsonReading.child(j, "last_payment_error"));
        return PaymentResult.declined(
            operation,
            key,
            StripeDeclineCodes.reason(
                error.flatMap(e -> JsonReading.string(e, "decline_code")),
                error.flatMap(e -> JsonReading.string(e, "code"))),
            id,
            "requires_payment_method");
      case "canceled":
        return PaymentResult.unsettled(operation, Outcome.FAILED, key, "PaymentIntent canceled")
            .withReference(id.get());
      default:
        return PaymentResult.unsettled(
                operation, Outcome.UNKNOWN, key, "PaymentIntent status " + status.get())
            .withReference(id.get());
    }
  }

  private PaymentResult modification(
      Operation operation,
      IdempotencyKey key,
      HttpExchange exchange,
      String expectedStatus,
      Money amount) {
    if (!(exchange instanceof HttpExchange.Answered answered) || !answered.isSuccess()) {
      return failure(operation, key, exchange);
    }
    Optional<JsonObject> json = JsonReading.object(answered.body());
    Optional<String> id = json.flatMap(j -> JsonReading.string(j, "id"));
    Optional<String> status = json.flatMap(j -> JsonReading.string(j, "status"));
    if (id.isEmpty() || status.isEmpty()) {
      return unreadable(operation, key);
    }
    if (expectedStatus.equals(status.get())) {
      return PaymentResult.approved(operation, key, id.get(), Optional.ofNullable(amount));
    }
    return PaymentResult.unsettled(
            operation, Outcome.UNKNOWN, key, "PaymentIntent status " + status.get())
        .withReference(id.get());
  }

  /** A non-2xx answer or no answer, classified. */
  private static PaymentResult failure(
      Operation operation, IdempotencyKey key, HttpExchange exchange) {
    if (exchange instanceof HttpExchange.NotSent notSent) {
      return PaymentResult.unsettled(operation, Outcome.FAILED, key, notSent.reason());
    }
    if (exchange instanceof HttpExchange.Lost lost) {
      return PaymentResult.unsettled(operation, Outcome.UNKNOWN, key, lost.reason());
    }
    HttpExchange.Answered answered = (HttpExchange.Answered) exchange;
    if (answered.isSuccess()) {
      return unreadable(operation, key);
    }
    Optional<JsonObject> error =
        JsonReading.object(answered.body()).flatMap(j -> JsonReading.child(j, "error"));
    String type = error.flatMap(e -> JsonReading.string(e, "type")).orElse("");
    String message =
        "HTTP "
            + answered.status()
            + " "
            + type
            + error.flatMap(e -> JsonReading.string(e, "message")).map(m -> ": " + m).orElse("");
    if ("card_error".equals(type)) {
      Optional<String> intent =
          error
              .flatMap(e -> JsonReading.child(e, "payment_intent"))
              .flatMap(pi -> JsonReading.string(pi, "id"));
      return PaymentResult.declined(
          operation,
          key,
          StripeDeclineCodes.reason(
              error.flatMap(e -> JsonReading.string(e, "decline_code")),
              error.flatMap(e -> JsonReading.string(e, "code"))),
          intent,
          RedactedText.of(message));
    }
    boolean unknown = answered.isServerError() || answered.status() == 409;
    return PaymentResult.unsettled(
        operation, unknown ? Outcome.UNKNOWN : Outcome.FAILED, key, RedactedText.of(message));
  }

  private static PaymentResult unreadable(Operation operation, IdempotencyKey key) {
    return PaymentResult.unsettled(
        operation, Outcome.UNKNOWN, key, "Stripe answered 2xx with an unreadable body");
  }

  private static Optional<String> createdId(HttpExchange exchange) {
    if (exchange instanceof HttpExchange.Answered answered && answered.isSuccess()) {
      return JsonReading.object(answered.body()).flatMap(j -> JsonReading.string(j, "id"));
    }
    return Optional.empty();
  }

  private static PaymentStatus intentStatus(JsonObject intent) throws StatusQueryFailedException {
    Optional<String> id = JsonReading.string(intent, "id");
    Optional<String> status = JsonReading.string(intent, "status");
    if (id.isEmpty() || status.isEmpty()) {
      throw new StatusQueryFailedException("Stripe PaymentIntent without id or status");
    }
    Optional<Money> amount =
        JsonReading.number(intent, "amount")
            .filter(a -> a > 0)
            .flatMap(
                a ->
                    JsonReading.string(intent, "currency")
                        .map(c -> Money.of(a, c.toUpperCase(Locale.ROOT))));
    PaymentState state;
    switch (status.get()) {
      case "requires_capture":
        state = PaymentState.AUTHORISED;
        break;
      case "succeeded":
        state = PaymentState.CAPTURED;
        break;
      case "canceled":
        state = PaymentState.VOIDED;
        break;
      case "requires_payment_method":
      case "requires_action":
        state = PaymentState.DECLINED;
        break;
      default:
        state = PaymentState.PENDING;
    }
    return PaymentStatus.of(state, id.get(), amount);
  }

  private JsonObject answeredObject(HttpExchange exchange) throws StatusQueryFailedException {
    if (exchange instanceof HttpExchange.Answered answered && answered.isSuccess()) {
      return JsonReading.object(answered.body())
          .orElseThrow(() -> new StatusQueryFailedException("Stripe answered an unreadable body"));
    }
    throw new StatusQueryFailedException("Stripe status query failed: " + exchange);
  }

  private HttpExchange post(String path, IdempotencyKey key, SecretBody body) {
    return http.send(
        "POST",
        URI.create(baseUrl + path),
        Map.of(
            "Authorization",
            "Bearer " + apiKey,
            "Idempotency-Key",
            key.value(),
            "Content-Type",
            "application/x-www-form-urlencoded"),
        body);
  }

  private HttpExchange get(String pathAndQuery) {
    return http.send(
        "GET",
        URI.create(baseUrl + pathAndQuery),
        Map.of("Authorization", "Bearer " + apiKey),
        new SecretBody());
  }

  private static String path(String reference) {
    return URLEncoder.encode(reference, StandardCharsets.UTF_8);
  }
}
