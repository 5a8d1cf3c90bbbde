package io.tonewall.web.console.push;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionChanged;
import io.tonewall.session.console.ConsoleUsers;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
 * The open push channels on this node, and what goes to them: a session's changes (after commit),
 * digit by digit ({@code field.progress}), to the agent working on it; every other change of every
 * session to supervisors.
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

  @EJB private PaymentSessions sessions;

  @Resource private ManagedExecutorService executor;

  void opened(Session channel) {
    channels.add(channel);
  }

  void closed(Session channel) {
    channels.remove(channel);
  }

  void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged change) {
    if (!channels.isEmpty()) {
      // off the committing thread: reading the session needs a transaction of its own
      executor.execute(() -> push(change));
    }
  }

  private void push(SessionChanged change) {
    try {
      send(
          change.sessionId(),
          PushFrames.of(change, sessions.find(change.sessionId())),
          !"field.progress".equals(change.eventType()));
    } catch (RuntimeException e) {
      // after commit: the change stands; only this push is lost (the page shows it on its next
      // rendering)
      LOG.log(Level.WARNING, "cannot push a change of session " + change.sessionId(), e);
    }
  }

  private void send(UUID sessionId, String frame, boolean toSupervisors) {
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
