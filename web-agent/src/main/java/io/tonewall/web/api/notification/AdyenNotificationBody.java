package io.tonewall.web.api.notification;

import io.tonewall.session.notification.NotificationItem;
import io.tonewall.web.api.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of an Adyen standard notification, read strictly: {@code {"live": "true"|"false",
 * "notificationItems": [{"NotificationRequestItem": {...}}, ...]}} with 1 to {@value #MAX_ITEMS}
 * items, each with {@code eventCode}, {@code pspReference}, {@code merchantAccountCode} and {@code
 * success} (strings; {@code live} and {@code success} also as JSON booleans), optionally {@code
 * originalReference}, {@code merchantReference}, {@code reason} (strings), {@code amount} ({@code
 * {"value": whole number >= 0, "currency": string}}) and {@code additionalData} (an object whose
 * {@code hmacSignature} string is the only member read). Other members are ignored. A body that
 * does not fit is an {@link InvalidRequestException} naming the member — never quoting a value.
 */
public record AdyenNotificationBody(Optional<Boolean> live, List<NotificationItem> items) {

  static final int MAX_ITEMS = 100;
  private static final String ITEM = "NotificationRequestItem";

  public AdyenNotificationBody {
    items = List.copyOf(items);
  }

  /**
   * Reads a body.
   *
   * @throws InvalidRequestException when it is not JSON or not a notification
   */
  public static AdyenNotificationBody parse(String body) {
    JsonValue root;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      root = reader.readValue();
    } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
      // The parser's message may quote the body: never echo it.
      throw new InvalidRequestException("the body is not valid JSON");
    }
    if (root.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidRequestException("the body must be a JSON object");
    }
    JsonObject notification = root.asJsonObject();
    Optional<Boolean> live = optionalFlag(notification, "live", "live");
    JsonValue list = notification.get("notificationItems");
    if (list == null || list.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new InvalidRequestException("notificationItems must be an array");
    }
    JsonArray entries = list.asJsonArray();
    if (entries.isEmpty() || entries.size() > MAX_ITEMS) {
      throw new InvalidRequestException("notificationItems must hold 1 to " + MAX_ITEMS + " items");
    }
    List<NotificationItem> items = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String path = "notificationItems[" + i + "]";
      JsonValue entry = entries.get(i);
      if (entry.getValueType() != JsonValue.ValueType.OBJECT
          || !(entry.asJsonObject().get(ITEM) instanceof JsonObject item)) {
        throw new InvalidRequestException(path + " must be an object with " + ITEM);
      }
      items.add(item(item, path + "." + ITEM));
    }
    return new AdyenNotificationBody(live, items);
  }

  private static NotificationItem item(JsonObject item, String path) {
    String value = "";
    String currency = "";
    JsonValue amount = item.get("amount");
    if (amount != null && amount.getValueType() != JsonValue.ValueType.NULL) {
      if (amount.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException(path + ".amount must be an object");
      }
      value = minorUnits(amount.asJsonObject(), path + ".amount.value");
      currency = optionalText(amount.asJsonObject(), "currency", path + ".amount.currency");
    }
    String signature = "";
    JsonValue additional = item.get("additionalData");
    if (additional != null && additional.getValueType() != JsonValue.ValueType.NULL) {
      if (additional.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException(path + ".additionalData must be an object");
      }
      signature =
          optionalText(
              additional.asJsonObject(), "hmacSignature", path + ".additionalData.hmacSignature");
    }
    String success =
        optionalFlag(item, "success", path + ".success")
            .map(String::valueOf)
            .orElseThrow(() -> new InvalidRequestException(path + ".success is missing"));
    String reason = optionalText(item, "reason", path + ".reason");
    try {
      return new NotificationItem(
          requiredText(item, "pspReference", path),
          optionalText(item, "originalReference", path + ".originalReference"),
          requiredText(item, "merchantAccountCode", path),
          optionalText(item, "merchantReference", path + ".merchantReference"),
          value,
          currency,
          requiredText(item, "eventCode", path),
          success,
          reason.isEmpty() ? Optional.empty() : Optional.of(reason),
          signature);
    } catch (IllegalArgumentException e) {
      // NotificationItem's messages name the member and what it must be, never its value.
      throw new InvalidRequestException(path + ": " + e.getMessage());
    }
  }

  private static String minorUnits(JsonObject amount, String path) {
    JsonValue value = amount.get("value");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new InvalidRequestException(path + " must be a whole number");
    }
    try {
      long minor = number.longValueExact();
      if (minor < 0) {
        throw new InvalidRequestException(path + " must not be negative");
      }
      return Long.toString(minor);
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(path + " is too large");
    }
  }

  private static String requiredText(JsonObject object, String name, String path) {
    String text = optionalText(object, name, path + "." + name);
    if (text.isEmpty()) {
      throw new InvalidRequestException(path + "." + name + " is missing");
    }
    return text;
  }

  private static String optionalText(JsonObject object, String name, String path) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (!(value instanceof JsonString text)) {
      throw new InvalidRequestException(path + " must be a string");
    }
    return text.getString();
  }

  private static Optional<Boolean> optionalFlag(JsonObject object, String name, String path) {
    JsonValue value = object.get(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return Optional.of(true);
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return Optional.of(false);
    }
    if (value instanceof JsonString text
        && (text.getString().equals("true") || text.getString().equals("false"))) {
      return Optional.of(Boolean.parseBoolean(text.getString()));
    }
    throw new InvalidRequestException(path + " must be \"true\" or \"false\"");
  }
}
