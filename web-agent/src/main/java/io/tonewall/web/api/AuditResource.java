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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The audit trail: {@code /api/v1/audit}. */
@Path("v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final int MAX_PAGE_SIZE = 500;

  @EJB private AuditTrail trail;

  @Context private UriInfo uri;

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

  /**
   * A session's audit entries, oldest first, in pages: {@code ?page=0&size=100} (at most {@value
   * #MAX_PAGE_SIZE}); {@code Link} headers name the next and previous pages. 404 for an unknown
   * session.
   */
  @GET
  @Path("sessions/{id}")
  @RolesAllowed(Scopes.SESSIONS_READ)
  @APIResponse(
      responseCode = "200",
      description = "one page of the session's audit entries; Link: <...>; rel=\"next\" when more",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntryResponse.class)))
  public Response ofSession(
      @PathParam("id") String id,
      @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String page,
      @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String size) {
    UUID session = RequestValues.id("session", id);
    PageQuery query = PageQuery.of(page, size, 100, MAX_PAGE_SIZE);
    owned.require(session);
    List<AuditEntryResponse> fetched =
        trail.ofSession(session, query.offset(), ArrayPage.fetchSize(query)).stream()
            .map(AuditEntryResponse::of)
            .toList();
    return ArrayPage.of(fetched, query, uri);
  }
}
