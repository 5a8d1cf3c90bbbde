package io.tonewall.psp.spi;

import io.tonewall.psp.api.UnknownPspConfigurationException;
import io.tonewall.psp.provider.InvalidPspConfigurationException;
import io.tonewall.psp.provider.PspConfiguration;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The PSP configurations an adapter knows, by id: the built-in {@code sandbox} plus those read from
 * a {@code .properties} or {@code .json} file, or from every such file in a directory.
 *
 * <p>Properties: {@code <id>.<setting>=value}, e.g. {@code stripe-uk.provider=stripe}. JSON: an
 * object whose members are ids and whose values are objects of settings, e.g. {@code {"adyen-eu":
 * {"provider": "adyen", "baseUrl": "...", ...}}}.
 */
final class PspConfigurations {
  private final Map<String, PspConfiguration> byId;

  private PspConfigurations(Map<String, PspConfiguration> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** Only the built-in sandbox. */
  static PspConfigurations sandboxOnly(Duration sandboxLatency) {
    return of(List.of(), sandboxLatency);
  }

  /** The built-in sandbox plus the given configurations. */
  static PspConfigurations of(List<PspConfiguration> configurations, Duration sandboxLatency) {
    Map<String, PspConfiguration> byId = new LinkedHashMap<>();
    byId.put(PspConfiguration.SANDBOX_ID, PspConfiguration.sandbox(sandboxLatency));
    for (PspConfiguration configuration : configurations) {
      if (byId.putIfAbsent(configuration.id(), configuration) != null) {
        throw new InvalidPspConfigurationException(
            configuration.id(), "defined twice (the id 'sandbox' is reserved)");
      }
    }
    return new PspConfigurations(byId);
  }

  /**
   * Reads a file or a directory of files.
   *
   * @throws InvalidPspConfigurationException if a file is missing, unreadable or has bad settings
   */
  static PspConfigurations load(Path location, Duration sandboxLatency) {
    List<PspConfiguration> configurations = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location)) {
        for (Path file : files.sorted().toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".properties") || name.endsWith(".json")) {
            configurations.addAll(read(file));
          }
        }
      } catch (IOException e) {
        throw new InvalidPspConfigurationException(
            "cannot list PSP configuration directory " + location, e);
      }
    } else if (Files.isRegularFile(location)) {
      configurations.addAll(read(location));
    } else {
      throw InvalidPspConfigurationException.of(
          "PSP configuration location " + location + " does not exist");
    }
    return of(configurations, sandboxLatency);
  }

  /**
   * The configuration with this id.
   *
   * @throws UnknownPspConfigurationException if there is none
   */
  PspConfiguration require(String id) throws UnknownPspConfigurationException {
    PspConfiguration configuration = byId.get(id);
    if (configuration == null) {
      throw new UnknownPspConfigurationException(
          "no PSP configuration '" + id + "'; known: " + byId.keySet());
    }
    return configuration;
  }

  Set<String> ids() {
    return byId.keySet();
  }

  Iterable<PspConfiguration> all() {
    return byId.values();
  }

  private static List<PspConfiguration> read(Path file) {
    String name = file.getFileName().toString();
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (name.endsWith(".json")) {
        readJson(reader, settings);
      } else {
        readProperties(reader, settings, file);
      }
    } catch (IOException | JsonException | ClassCastException e) {
      throw new InvalidPspConfigurationException(
          "cannot read PSP configuration file " + file + ": " + e.getClass().getSimpleName(), e);
    }
    List<PspConfiguration> configurations = new ArrayList<>();
    settings.forEach((id, values) -> configurations.add(PspConfiguration.of(id, values)));
    return configurations;
  }

  private static void readProperties(
      Reader reader, Map<String, Map<String, String>> settings, Path file) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    for (String key : new TreeSet<>(properties.stringPropertyNames())) {
      int dot = key.lastIndexOf('.');
      if (dot <= 0 || dot == key.length() - 1) {
        throw InvalidPspConfigurationException.of(
            "PSP configuration file " + file + ": key '" + key + "' is not <id>.<setting>");
      }
      settings
          .computeIfAbsent(key.substring(0, dot), id -> new LinkedHashMap<>())
          .put(key.substring(dot + 1), properties.getProperty(key));
    }
  }

  private static void readJson(Reader reader, Map<String, Map<String, String>> settings) {
    try (JsonReader json = Json.createReader(reader)) {
      JsonObject root = json.readObject();
      for (Map.Entry<String, JsonValue> entry : root.entrySet()) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> setting : entry.getValue().asJsonObject().entrySet()) {
          JsonValue value = setting.getValue();
          values.put(
              setting.getKey(),
              value.getValueType() == JsonValue.ValueType.STRING
                  ? ((JsonString) value).getString()
                  : value.toString());
        }
        settings.put(entry.getKey(), values);
      }
    }
  }
}
