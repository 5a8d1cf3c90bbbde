package io.tonewall.psp.api;

import java.util.Objects;

/**
 * What may be shown of a PSP configuration: its id and its provider. Never base URLs or
 * credentials.
 *
 * @param id the configuration id that requests name, for example {@code sandbox}
 * @param provider the provider, for example {@code sandbox}, {@code stripe} or {@code adyen}
 */
public record PspConfigurationSummary(String id, String provider) {

  public PspConfigurationSummary {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(provider, "provider");
  }
}
