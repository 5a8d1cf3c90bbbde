package io.tonewall.web.api.notification;

import io.tonewall.session.application.PspNotifications;
import io.tonewall.session.notification.NotificationReceipt;
import io.tonewall.session.notification.NotificationSenderRefusedException;
import io.tonewall.session.notification.PspNotificationsDisabledException;
import io.tonewall.web.api.dto.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Adyen's standard notifications (webhooks) for one PSP configuration: {@code POST
 * /api/v1/psp-configurations/{id}/notifications}, the URL set on the Customer Area's standard
 * webhook. No access token: the sender is checked by the configuration's HTTP Basic credentials
 * (when it has some) and every item by its HMAC signature. Answers {@code [accepted]} once every
 * authentic item is stored; items are applied after that.
 *
 * <ul>
 *   <li>200 {@code [accepted]}: every item is stored (or was, by an earlier delivery);
 *   <li>400 {@code invalid-request}: not a notification (the member is named, never its value);
 *   <li>401 {@code notification-sender-refused}: missing or wrong HTTP Basic credentials;
 *   <li>403 {@code notification-rejected}: some items are not signed with the configuration's key
 *       or are of another merchant account — those are neither stored nor acted on (the others
 *       are), and audited; Adyen delivers again, so a wrong key loses nothing once corrected;
 *   <li>404 {@code notifications-not-enabled}: no such configuration, not Adyen, or no {@code
 *       notificationHmacKey}.
 * </ul>
 */
@Path("v1/psp-configurations/{configuration}/notifications")
@RequestScoped
@PermitAll
public class PspNotificationsResource {

  static final String ACCEPTED = "[accepted]";
  private static final String TYPE_BASE = "https://tonewall.io/problems/";

  @EJB private PspNotifications notifications;

  /** Receives one notification. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Receive Adyen standard notifications for a PSP configuration",
      description =
          "For Adyen's Customer Area (standard webhook, JSON). HTTP Basic as configured;"
              + " every item HMAC-signed. Answers [accepted] once the items are stored.")
  @APIResponse(responseCode = "200", description = "[accepted]")
  @APIResponse(responseCode = "400", description = "not a standard notification")
  @APIResponse(responseCode = "401", description = "HTTP Basic credentials missing or wrong")
  @APIResponse(responseCode = "403", description = "items with a bad signature: ignored")
  @APIResponse(responseCode = "404", description = "the configuration receives no notifications")
  public Response receive(
      @PathParam("configuration") String configuration,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      String body) {
    if (!configuration.matches("[A-Za-z0-9_.-]{1,64}")) {
      return notEnabled();
    }
    Optional<BasicCredentials> credentials = BasicCredentials.of(authorization);
    NotificationReceipt receipt;
    try {
      notifications.admit(
          configuration,
          credentials.map(BasicCredentials::username),
          credentials.map(BasicCredentials::password));
      AdyenNotificationBody notification = AdyenNotificationBody.parse(body == null ? "" : body);
      receipt = notifications.receive(configuration, notification.live(), notification.items());
    } catch (PspNotificationsDisabledException e) {
      return notEnabled();
    } catch (NotificationSenderRefusedException e) {
      return Response.status(Response.Status.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tonewall-psp-notifications\"")
          .type(Problem.MEDIA_TYPE)
          .entity(
              new Problem(
                  TYPE_BASE + "notification-sender-refused",
                  "Notification sender refused",
                  401,
                  "the HTTP Basic credentials are missing or are not this configuration's"
                      + " notificationUsername and notificationPassword"))
          .build();
    }
    notifications.apply(receipt.stored());
    if (receipt.rejected() > 0) {
      return Response.status(Response.Status.FORBIDDEN)
          .type(Problem.MEDIA_TYPE)
          .entity(
              new Problem(
                  TYPE_BASE + "notification-rejected",
                  "Notification items rejected",
                  403,
                  receipt.rejected()
                      + " item(s) not signed with this configuration's notificationHmacKey or"
                      + " not of its merchantAccount: ignored; the others are stored"))
          .build();
    }
    return Response.ok(ACCEPTED, MediaType.TEXT_PLAIN_TYPE).build();
  }

  /** The same answer for every reason, without the id sent (it could be anything). */
  private static Response notEnabled() {
    return Response.status(Response.Status.NOT_FOUND)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                TYPE_BASE + "notifications-not-enabled",
                "Notifications not enabled",
                404,
                "no PSP configuration with this id receives notifications: it must be an adyen"
                    + " configuration with notificationHmacKey"))
        .build();
  }
}
