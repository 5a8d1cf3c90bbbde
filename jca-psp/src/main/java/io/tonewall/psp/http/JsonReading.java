package io.tonewall.psp.http;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;

/** Lenient reading of provider JSON answers: unreadable or non-object bodies give empty. */
public final class JsonReading {
  private JsonReading() {}

  /** The body as a JSON object, or empty if it is not one. */
  public static Optional<JsonObject> object(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT
          ? Optional.of(value.asJsonObject())
          : Optional.empty();
    } catch (JsonException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** A string member, or empty if absent, null or not a string. */
  public static Optional<String> string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? Optional.of(object.getString(name))
        : Optional.empty();
  }

  /** An object member, or empty. */
  public static Optional<JsonObject> child(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
        ? Optional.of(value.asJsonObject())
        : Optional.empty();
  }

  /** A whole-number member, or empty. */
  public static Optional<Long> number(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.NUMBER
        ? Optional.of(object.getJsonNumber(name).longValue())
        : Optional.empty();
  }
}
