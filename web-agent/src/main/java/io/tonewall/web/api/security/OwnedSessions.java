package io.tonewall.web.api.security;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionView;
import io.tonewall.session.domain.SessionNotFoundException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions belong to the API client that opened them: to every other client they do not exist (404,
 * never 403, so ids cannot be probed).
 */
@RequestScoped
public class OwnedSessions {

  @EJB private PaymentSessions sessions;

  @Inject private ApiCaller caller;

  /**
   * The session, when the calling client owns it.
   *
   * @throws SessionNotFoundException when it does not exist or another client owns it
   */
  public SessionView require(UUID id) {
    SessionView view = sessions.find(id);
    if (!ownedByCaller(view)) {
      throw new SessionNotFoundException(id);
    }
    return view;
  }

  /** True when the calling client owns the session. */
  public boolean owns(UUID id) {
    return ownedByCaller(sessions.find(id));
  }

  private boolean ownedByCaller(SessionView view) {
    return view.apiClientId().equals(Optional.of(caller.clientId()));
  }

  /** The calling client's id. */
  public String clientId() {
    return caller.clientId();
  }
}
