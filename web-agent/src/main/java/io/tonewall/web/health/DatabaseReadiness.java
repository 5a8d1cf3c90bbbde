package io.tonewall.web.health;

import io.tonewall.session.application.Readiness;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready when the database answers a query through JPA. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  static final String NAME = "tonewall-database";

  @EJB private Readiness readiness;

  @Override
  public HealthCheckResponse call() {
    try {
      return HealthCheckResponse.named(NAME).status(readiness.databaseAnswers()).build();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
