package io.tonewall.web.api;

import io.tonewall.session.application.PspConfigurations;
import io.tonewall.web.api.dto.PspConfigurationResponse;
import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The PSP configurations sessions may name: {@code /api/v1/psp-configurations}. Administrators
 * enable, disable and set surcharges in the console; the API only reads.
 */
@Path("v1/psp-configurations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PspConfigurationsResource {

  @EJB private PspConfigurations configurations;

  /** Every configuration, by id, with whether new sessions may use it and its surcharge. */
  @GET
  @RolesAllowed(Scopes.SESSIONS_READ)
  public List<PspConfigurationResponse> list() {
    return configurations.list().stream().map(PspConfigurationResponse::of).toList();
  }
}
