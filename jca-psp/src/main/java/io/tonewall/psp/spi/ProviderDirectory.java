package io.tonewall.psp.spi;

import io.tonewall.psp.http.PspHttpClient;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.provider.PspProvider;
import io.tonewall.psp.provider.adyen.AdyenProvider;
import io.tonewall.psp.provider.sandbox.SandboxAcquirer;
import io.tonewall.psp.provider.sandbox.SandboxProvider;
import io.tonewall.psp.provider.stripe.StripeProvider;
import java.util.HashMap;
import java.util.Map;

/** One provider per PSP configuration, built once; the sandbox acquirer is shared. */
final class ProviderDirectory {
  private final Map<String, PspProvider> byConfiguration = new HashMap<>();

  ProviderDirectory(PspConfigurations configurations, PspHttpClient http, SandboxAcquirer sandbox) {
    for (PspConfiguration configuration : configurations.all()) {
      byConfiguration.put(configuration.id(), create(configuration, http, sandbox));
    }
  }

  PspProvider provider(PspConfiguration configuration) {
    return byConfiguration.get(configuration.id());
  }

  private static PspProvider create(
      PspConfiguration configuration, PspHttpClient http, SandboxAcquirer sandbox) {
    switch (configuration.provider()) {
      case STRIPE:
        return new StripeProvider(configuration, http);
      case ADYEN:
        return new AdyenProvider(configuration, http);
      default:
        return new SandboxProvider(sandbox, configuration.latency());
    }
  }
}
