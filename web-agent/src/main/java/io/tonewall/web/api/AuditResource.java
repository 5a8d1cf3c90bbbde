package io.tonewall.web.api;

import io.tonewall.session.application.AuditTrail;
import io.tonewall.web.api.dto.AuditEntryResponse;
import io.tonewall.web.api.dto.AuditVerificationResponse;
import io.tonewall.web.api.security.OwnedSessions;
import io.tonewall.web.api.security.Scopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The audit trail: {@code /api/v1/audit}. */
@Path("v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @EJB private AuditTrail trail;

  @Inject private OwnedSessions owned;

  /**
   * Verifies the whole hash chain: 200 with {@code intact} true, or false with where it breaks and
   * why (a changed entry, a missing entry, entries missing from the end).
   */
  @GET
  @Path("verification")
  @RolesAllowed(Scopes.SESSIONS_READ)
  public AuditVerificationResponse verify() {
    return AuditVerificationResponse.of(trail.verify());
  }

  /** A session's audit entries, oldest first; 404 for an unknown session. */
  @GET
  @Path("sessions/{id}")
  @RolesAllowed(Scopes.SESSIONS_READ)
  public List<AuditEntryResponse> ofSession(@PathParam("id") String id) {
    UUID session = RequestValues.id("session", id);
    owned.require(session);
    return trail.ofSession(session).stream().map(AuditEntryResponse::of).toList();
  }
}
