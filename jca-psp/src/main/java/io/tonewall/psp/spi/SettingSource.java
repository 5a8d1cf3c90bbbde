package io.tonewall.psp.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where an adapter setting comes from when the server did not set the config property: the system
 * property {@code tonewall.<key>}, then the environment variable {@code TONEWALL_<KEY>} (dots
 * become underscores, as MicroProfile Config maps them), as the platform's other adapter does.
 */
final class SettingSource {
  private final Properties systemProperties;
  private final Map<String, String> environment;

  SettingSource(Properties systemProperties, Map<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  static SettingSource ofProcess() {
    return new SettingSource(System.getProperties(), System.getenv());
  }

  /** The explicit value when set, else the system property, else the environment variable. */
  Optional<String> resolve(String explicit, String key) {
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(explicit.trim());
    }
    String property = systemProperties.getProperty("tonewall." + key);
    if (property != null && !property.isBlank()) {
      return Optional.of(property.trim());
    }
    String variable = environment.get("TONEWALL_" + key.replace('.', '_').toUpperCase(Locale.ROOT));
    return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable.trim());
  }
}
