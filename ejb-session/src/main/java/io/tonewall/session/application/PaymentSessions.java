package io.tonewall.session.application;

import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.PaymentSession;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import io.tonewall.session.webhook.SessionChanged;
import jakarta.ejb.EJB;
import jakarta.ejb.NoSuchEJBException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/** Opens payment sessions and finds them again, for the API and the console. */
@Stateless
public class PaymentSessions {

  private static final Logger LOG = Logger.getLogger(PaymentSessions.class.getName());

  @Inject private Provider<PaymentSessionBean> newSessionBean;

  @EJB private LiveSessions live;

  @EJB private JpaPaymentSessionRepository repository;

  @Inject private Clock clock;

  @Inject private Event<SessionChanged> changes;

  /** Opens a session held by its own stateful bean. */
  public SessionView open(NewPaymentSession request) {
    PaymentSessionBean bean = newSessionBean.get();
    SessionView view = bean.open(request);
    live.register(view.id(), bean);
    changes.fire(
        new SessionChanged(
            view.id(),
            request.apiClientId(),
            Optional.empty(),
            view.status().publicName(),
            SessionChanged.CREATED,
            view.createdAt()));
    return view;
  }

  /**
   * Cancels a session owned by an API client.
   *
   * @throws SessionNotFoundException when no session has this id or another client owns it
   */
  public SessionView cancel(UUID id, String apiClientId) {
    owned(id, apiClientId);
    return cancel(id);
  }

  /**
   * A session owned by an API client.
   *
   * @throws SessionNotFoundException when no session has this id or another client owns it
   */
  public SessionView find(UUID id, String apiClientId) {
    return SessionView.of(owned(id, apiClientId));
  }

  /**
   * Cancels a session: through its live bean when this node holds one, else on its record (after a
   * restart, or once the bean has timed out).
   *
   * @throws SessionNotFoundException when no session has this id
   * @throws io.tonewall.session.domain.SessionAlreadyEndedException when it has already ended
   */
  public SessionView cancel(UUID id) {
    PaymentSession before = repository.find(id).orElseThrow(() -> new SessionNotFoundException(id));
    String previous = before.status().publicName();
    Optional<String> owner = before.apiClientId();
    SessionView view = cancelLiveOrRecord(id);
    changes.fire(
        new SessionChanged(
            id,
            owner,
            Optional.of(previous),
            view.status().publicName(),
            SessionChanged.CANCELLED,
            view.updatedAt()));
    return view;
  }

  private PaymentSession owned(UUID id, String apiClientId) {
    return repository
        .find(id)
        .filter(session -> session.isOwnedBy(apiClientId))
        .orElseThrow(() -> new SessionNotFoundException(id));
  }

  private SessionView cancelLiveOrRecord(UUID id) {
    Optional<PaymentSessionBean> bean = live.find(id);
    live.forget(id);
    if (bean.isPresent()) {
      try {
        return bean.get().cancel();
      } catch (NoSuchEJBException e) {
        LOG.fine(() -> "live bean of session " + id + " had already ended; cancelling its record");
      }
    }
    PaymentSession session =
        repository.find(id).orElseThrow(() -> new SessionNotFoundException(id));
    session.cancel(clock.instant());
    return SessionView.of(session);
  }

  /**
   * The session's current state, from its durable record (correct across restarts).
   *
   * @throws SessionNotFoundException when no session has this id
   */
  public SessionView find(UUID id) {
    return repository
        .find(id)
        .map(SessionView::of)
        .orElseThrow(() -> new SessionNotFoundException(id));
  }
}
