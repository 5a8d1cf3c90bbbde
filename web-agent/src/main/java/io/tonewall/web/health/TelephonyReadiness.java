package io.tonewall.web.health;

import io.tonewall.session.application.Readiness;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready when the telephony adapter listens on its SIP port. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class TelephonyReadiness implements HealthCheck {

  static final String NAME = "tonewall-telephony";

  @EJB private Readiness readiness;

  @Override
  public HealthCheckResponse call() {
    try {
      TelephonyStatus status = readiness.telephony();
      return HealthCheckResponse.named(NAME)
          .status(status.sipListening())
          .withData("sipPort", status.sipPort())
          .withData("transports", status.transports())
          .build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
