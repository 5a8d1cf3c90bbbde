package io.tonewall.psp.provider;

import java.util.Locale;

/** The providers the adapter speaks to. */
public enum ProviderKind {
  SANDBOX,
  STRIPE,
  ADYEN;

  /**
   * The kind named in a configuration (case-insensitive).
   *
   * @throws InvalidPspConfigurationException for any other name
   */
  static ProviderKind named(String configuration, String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidPspConfigurationException(
          configuration, "unknown provider '" + name + "' (expected sandbox, stripe or adyen)");
    }
  }
}
