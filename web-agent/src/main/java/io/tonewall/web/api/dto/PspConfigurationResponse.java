package io.tonewall.web.api.dto;

import io.tonewall.session.application.PspSettingsView;

/**
 * A PSP configuration a session may name in {@code pspConfiguration}. Never credentials.
 *
 * @param id the configuration's id
 * @param provider SANDBOX, STRIPE or ADYEN
 * @param usable offered by the PSP adapter and enabled: new sessions may use it
 * @param surchargeBasisPoints surcharge added to each charge (100 = 1 %), accepted by the caller
 */
public record PspConfigurationResponse(
    String id, String provider, boolean usable, int surchargeBasisPoints) {

  public static PspConfigurationResponse of(PspSettingsView settings) {
    return new PspConfigurationResponse(
        settings.id(),
        settings.provider(),
        settings.available() && settings.enabled(),
        settings.surchargeBasisPoints());
  }
}
