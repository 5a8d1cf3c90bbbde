package io.tonewall.web.console.push;

import io.tonewall.session.console.ConsoleRole;
import io.tonewall.session.console.ConsoleUsers;
import io.tonewall.session.console.UserSummary;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /console/push}: the console page's push channel. Server to browser only; whatever the
 * browser sends is ignored. Open only to a signed-in console user (the handshake is under the
 * console's security constraint, and a handshake without a user is closed at once with 1008);
 * {@link PushOriginFilter} refuses other origins before the upgrade.
 */
@ServerEndpoint("/console/push")
public class PushEndpoint {

  private static final Logger LOG = Logger.getLogger(PushEndpoint.class.getName());

  @Inject private PushChannels channels;

  @EJB private ConsoleUsers users;

  @OnOpen
  public void open(Session channel) throws IOException {
    Optional<UserSummary> user =
        Optional.ofNullable(channel.getUserPrincipal()).flatMap(p -> users.find(p.getName()));
    if (user.isEmpty()) {
      channel.close(
          new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in to the console"));
      return;
    }
    channel.getUserProperties().put(PushChannels.USER, user.get().userName());
    channel
        .getUserProperties()
        .put(PushChannels.SUPERVISOR, user.get().roles().contains(ConsoleRole.SUPERVISOR));
    channels.opened(channel);
  }

  @OnClose
  public void close(Session channel) {
    channels.closed(channel);
  }

  @OnError
  public void error(Session channel, Throwable problem) {
    LOG.log(Level.FINE, "push channel failed", problem);
    channels.closed(channel);
  }
}
