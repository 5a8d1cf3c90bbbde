package io.tonewall.web.health;

import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.session.application.Readiness;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready when the PSP adapter answers a sandbox status query and has a configuration. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class PspReadiness implements HealthCheck {

  static final String NAME = "tonewall-psp";

  @EJB private Readiness readiness;

  @Override
  public HealthCheckResponse call() {
    try {
      List<PspConfigurationSummary> configurations = readiness.pspConfigurations();
      return HealthCheckResponse.named(NAME)
          .status(!configurations.isEmpty())
          .withData(
              "configurations",
              configurations.stream()
                  .map(c -> c.id() + "=" + c.provider())
                  .collect(Collectors.joining(",")))
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
