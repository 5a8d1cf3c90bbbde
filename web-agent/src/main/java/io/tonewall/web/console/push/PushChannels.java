package io.tonewall.web.console.push;

import io.tonewall.session.application.FieldProgressed;
import io.tonewall.session.application.SessionChanged;
import io.tonewall.session.console.ConsoleUsers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.websocket.Session;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open push channels on this node, and what goes to them: a session's changes (after commit)
 * and its card-field progress to the agent working on it; every session's changes to supervisors.
 */
@ApplicationScoped
public class PushChannels {

  private static final Logger LOG = Logger.getLogger(PushChannels.class.getName());

  /** The signed-in user of a channel, in the WebSocket session's user properties. */
  static final String USER = "tonewall.user";

  /** Whether that user is a supervisor. */
  static final String SUPERVISOR = "tonewall.supervisor";

  private final Set<Session> channels = ConcurrentHashMap.newKeySet();

  @EJB private ConsoleUsers users;

  void opened(Session channel) {
    channels.add(channel);
  }

  void closed(Session channel) {
    channels.remove(channel);
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
    send(change.sessionId(), PushFrames.of(change), true);
  }

  void onProgress(@Observes FieldProgressed progress) {
    send(progress.sessionId(), PushFrames.of(progress), false);
  }

  private void send(UUID sessionId, String frame, boolean toSupervisors) {
    if (channels.isEmpty()) {
      return;
    }
    Optional<String> agent = users.agentOn(sessionId);
    for (Session channel : channels) {
      Object user = channel.getUserProperties().get(USER);
      boolean forAgent = agent.isPresent() && agent.get().equals(user);
      boolean forSupervisor =
          toSupervisors && Boolean.TRUE.equals(channel.getUserProperties().get(SUPERVISOR));
      if ((forAgent || forSupervisor) && channel.isOpen()) {
        try {
          channel.getAsyncRemote().sendText(frame);
        } catch (IllegalStateException e) {
          LOG.log(Level.FINE, "push channel closed while sending", e);
          channels.remove(channel);
        }
      }
    }
  }
}
