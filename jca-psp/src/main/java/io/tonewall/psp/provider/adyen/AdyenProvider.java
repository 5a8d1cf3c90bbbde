package io.tonewall.psp.provider.adyen;

import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
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
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

/**
 * Adyen's Checkout API (v71) over plain HTTP. The merchant reference of a payment is its
 * idempotency key, so that an unknown outcome can be cancelled by reference (technical cancel).
 * Tokens are {@code shopperReference:storedPaymentMethodId}. Adyen offers no status query in
 * Checkout: the adapter answers status from what it saw, and final states arrive by webhook.
 */
public final class AdyenProvider implements PspProvider {
  private final PspHttpClient http;
  private final URI baseUrl;
  private final String apiKey;
  private final String merchantAccount;

  public AdyenProvider(PspConfiguration configuration, PspHttpClient http) {
    this.http = http;
    this.baseUrl = configuration.baseUrl().orElseThrow();
    this.apiKey = configuration.apiKey().orElseThrow();
    this.merchantAccount = configuration.merchantAccount().orElseThrow();
  }

  @Override
  public PaymentResult authorise(
      IdempotencyKey key, Money amount, PaymentCard card, boolean capture) {
    Operation operation = capture ? Operation.SALE : Operation.AUTHORISE;
    JsonObjectBuilder request =
        payment(key, amount(amount.minorUnits(), amount.currencyCode()), capture)
            .add("shopperInteraction", "Moto");
    return paymentResult(operation, key, post("/payments", key, withCard(request, card)), amount);
  }

  @Override
  public PaymentResult payWithToken(
      IdempotencyKey key, Money amount, String token, boolean capture) {
    Operation operation = capture ? Operation.SALE : Operation.AUTHORISE;
    String[] parts = token.split(":", 2);
    if (parts.length != 2) {
      return PaymentResult.unsettled(
          operation,
          Outcome.FAILED,
          key,
          "not an Adyen token (shopperReference:storedPaymentMethodId)");
    }
    JsonObject request =
        payment(key, amount(amount.minorUnits(), amount.currencyCode()), capture)
            .add("shopperReference", parts[0])
            .add("shopperInteraction", "ContAuth")
            .add("recurringProcessingModel", "UnscheduledCardOnFile")
            .add(
                "paymentMethod",
                Json.createObjectBuilder()
                    .add("type", "scheme")
                    .add("storedPaymentMethodId", parts[1]))
            .build();
    return paymentResult(operation, key, post("/payments", key, json(request)), amount);
  }

  @Override
  public PaymentResult tokenise(
      IdempotencyKey key, PaymentCard card, Currency currency, String customerReference) {
    JsonObjectBuilder request =
        payment(key, amount(0, currency.getCurrencyCode()), false)
            .add("shopperReference", customerReference)
            .add("storePaymentMethod", true)
            .add("recurringProcessingModel", "UnscheduledCardOnFile")
            .add("shopperInteraction", "Moto");
    HttpExchange exchange = post("/payments", key, withCard(request, card));
    PaymentResult result = paymentResult(Operation.TOKENISE, key, exchange, null);
    if (!result.isApproved()) {
      return result;
    }
    HttpExchange.Answered answered = (HttpExchange.Answered) exchange;
    Optional<JsonObject> additional =
        JsonReading.object(answered.body()).flatMap(j -> JsonReading.child(j, "additionalData"));
    Optional<String> stored =
        additional
            .flatMap(a -> JsonReading.string(a, "tokenization.storedPaymentMethodId"))
            .or(
                () ->
                    additional.flatMap(
                        a -> JsonReading.string(a, "recurring.recurringDetailReference")));
    if (stored.isEmpty()) {
      return PaymentResult.unsettled(
          Operation.TOKENISE, Outcome.FAILED, key, "Adyen authorised but stored no payment method");
    }
    return result.withToken(customerReference + ":" + stored.get());
  }

  @Override
  public PaymentResult capture(IdempotencyKey key, String reference, Money amount) {
    JsonObject request =
        modification(key).add("amount", amount(amount.minorUnits(), amount.currencyCode())).build();
    return modificationResult(
        Operation.CAPTURE,
        key,
        post("/payments/" + path(reference) + "/captures", key, json(request)),
        reference,
        amount);
  }

  @Override
  public PaymentResult cancel(IdempotencyKey key, String reference) {
    return modificationResult(
        Operation.VOID,
        key,
        post("/payments/" + path(reference) + "/cancels", key, json(modification(key).build())),
        reference,
        null);
  }

  @Override
  public PaymentResult refund(IdempotencyKey key, String reference, Money amount) {
    JsonObject request =
        modification(key).add("amount", amount(amount.minorUnits(), amount.currencyCode())).build();
    return modificationResult(
        Operation.REFUND,
        key,
        post("/payments/" + path(reference) + "/refunds", key, json(request)),
        reference,
        amount);
  }

  @Override
  public PaymentStatus status(IdempotencyKey originalKey) throws StatusQueryFailedException {
    throw new StatusQueryFailedException(
        "Adyen Checkout offers no status query; outcomes arrive by webhook");
  }

  @Override
  public PaymentStatus statusByReference(String reference) throws StatusQueryFailedException {
    throw new StatusQueryFailedException(
        "Adyen Checkout offers no status query; outcomes arrive by webhook");
  }

  @Override
  public RefundStatus refundStatus(IdempotencyKey refundKey, String paymentReference)
      throws StatusQueryFailedException {
    throw new StatusQueryFailedException(
        "Adyen Checkout offers no status query; refund outcomes arrive by REFUND notification");
  }

  /** Technical cancel: {@code POST /cancels} with the original merchant reference. */
  @Override
  public PaymentResult cancelByOriginalKey(IdempotencyKey key, IdempotencyKey originalKey) {
    JsonObject request = modification(key).add("paymentReference", originalKey.value()).build();
    HttpExchange exchange = post("/cancels", key, json(request));
    return modificationResult(Operation.VOID, key, exchange, originalKey.value(), null);
  }

  @Override
  public boolean answersStatusByKey() {
    return false;
  }

  private JsonObjectBuilder payment(IdempotencyKey key, JsonObjectBuilder amount, boolean capture) {
    JsonObjectBuilder builder =
        Json.createObjectBuilder()
            .add("merchantAccount", merchantAccount)
            .add("reference", key.value())
            .add("amount", amount);
    if (!capture) {
      builder.add("additionalData", Json.createObjectBuilder().add("manualCapture", "true"));
    }
    return builder;
  }

  private JsonObjectBuilder modification(IdempotencyKey key) {
    return Json.createObjectBuilder()
        .add("merchantAccount", merchantAccount)
        .add("reference", key.value());
  }

  private static JsonObjectBuilder amount(long value, String currency) {
    return Json.createObjectBuilder().add("currency", currency).add("value", value);
  }

  private static SecretBody json(JsonObject object) {
    return new SecretBody().text(object.toString());
  }

  /**
   * The request as JSON with a {@code paymentMethod} object whose card fields are written straight
   * into the body, so that no JSON value (a {@code String}) of them exists.
   */
  private static SecretBody withCard(JsonObjectBuilder request, PaymentCard card) {
    String rest = request.build().toString();
    SecretBody body = new SecretBody().text(rest.substring(0, rest.length() - 1));
    CardAccess.Reader reader = CardAccess.reader();
    body.text(",\"paymentMethod\":{\"type\":\"scheme\",\"number\":\"");
    reader.writeNumber(card, body);
    body.text("\",\"expiryMonth\":\"");
    reader.writeExpiryMonth(card, body);
    body.text("\",\"expiryYear\":\"");
    reader.writeExpiryYear(card, body);
    body.text("\",\"cvc\":\"");
    reader.writeSecurityCode(card, body);
    return body.text("\"}}");
  }

  private PaymentResult paymentResult(
      Operation operation, IdempotencyKey key, HttpExchange exchange, Money amount) {
    if (!(exchange instanceof HttpExchange.Answered answered) || !answered.isSuccess()) {
      return failure(operation, key, exchange);
    }
    Optional<JsonObject> json = JsonReading.object(answered.body());
    Optional<String> resultCode = json.flatMap(j -> JsonReading.string(j, "resultCode"));
    Optional<String> pspReference = json.flatMap(j -> JsonReading.string(j, "pspReference"));
    if (resultCode.isEmpty()) {
      return unreadable(operation, key);
    }
    Optional<String> refusal = json.flatMap(j -> JsonReading.string(j, "refusalReason"));
    switch (resultCode.get()) {
      case "Authorised":
        return pspReference
            .map(r -> PaymentResult.approved(operation, key, r, Optional.ofNullable(amount)))
            .orElseGet(() -> unreadable(operation, key));
      case "Refused":
        return PaymentResult.declined(
            operation,
            key,
            AdyenRefusalReasons.reason(refusal),
            pspReference,
            RedactedText.of("Refused: " + refusal.orElse("")));
      case "RedirectShopper":
      case "IdentifyShopper":
      case "ChallengeShopper":
        return PaymentResult.declined(
            operation, key, DeclineReason.AUTHENTICATION_REQUIRED, pspReference, resultCode.get());
      case "Cancelled":
      case "Error":
        return PaymentResult.unsettled(
            operation,
            Outcome.FAILED,
            key,
            RedactedText.of(resultCode.get() + " " + refusal.orElse("")));
      default:
        PaymentResult pending =
            PaymentResult.unsettled(operation, Outcome.UNKNOWN, key, resultCode.get());
        return pspReference.map(pending::withReference).orElse(pending);
    }
  }

  private static PaymentResult modificationResult(
      Operation operation,
      IdempotencyKey key,
      HttpExchange exchange,
      String reference,
      Money amount) {
    if (!(exchange instanceof HttpExchange.Answered answered) || !answered.isSuccess()) {
      return failure(operation, key, exchange);
    }
    Optional<String> status =
        JsonReading.object(answered.body()).flatMap(j -> JsonReading.string(j, "status"));
    if (status.filter("received"::equals).isEmpty()) {
      return unreadable(operation, key);
    }
    return PaymentResult.approved(operation, key, reference, Optional.ofNullable(amount));
  }

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
    Optional<JsonObject> error = JsonReading.object(answered.body());
    String message =
        "HTTP "
            + answered.status()
            + error.flatMap(e -> JsonReading.string(e, "errorCode")).map(c -> " " + c).orElse("")
            + error.flatMap(e -> JsonReading.string(e, "message")).map(m -> ": " + m).orElse("");
    return PaymentResult.unsettled(
        operation,
        answered.isServerError() ? Outcome.UNKNOWN : Outcome.FAILED,
        key,
        RedactedText.of(message));
  }

  private static PaymentResult unreadable(Operation operation, IdempotencyKey key) {
    return PaymentResult.unsettled(
        operation, Outcome.UNKNOWN, key, "Adyen answered 2xx with an unreadable body");
  }

  private HttpExchange post(String path, IdempotencyKey key, SecretBody body) {
    return http.send(
        "POST",
        URI.create(baseUrl + path),
        Map.of(
            "X-API-Key",
            apiKey,
            "Idempotency-Key",
            key.value(),
            "Content-Type",
            "application/json"),
        body);
  }

  private static String path(String reference) {
    return URLEncoder.encode(reference, StandardCharsets.UTF_8);
  }
}
