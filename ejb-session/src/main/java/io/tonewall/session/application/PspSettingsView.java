package io.tonewall.session.application;

import io.tonewall.session.domain.PspSettings;
import java.time.Instant;

/**
 * A PSP configuration as Tonewall uses it: its provider, whether the adapter offers it, whether it
 * is enabled, the surcharge it adds. Never credentials: those stay in the PSP adapter.
 */
public record PspSettingsView(
    String id,
    String provider,
    boolean available,
    boolean enabled,
    int surchargeBasisPoints,
    Instant updatedAt) {

  static PspSettingsView of(PspSettings settings) {
    return new PspSettingsView(
        settings.configurationId(),
        settings.provider(),
        settings.available(),
        settings.enabled(),
        settings.surchargeBasisPoints(),
        settings.updatedAt());
  }
}
