package io.tonewall.session.application;

import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.SessionNotFoundException;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.UUID;

/** Opens payment sessions and finds them again, for the API and the console. */
@Stateless
public class PaymentSessions {

  @Inject private Provider<PaymentSessionBean> newSessionBean;

  @EJB private LiveSessions live;

  @EJB private JpaPaymentSessionRepository repository;

  /** Opens a session held by its own stateful bean. */
  public SessionView open(NewPaymentSession request) {
    PaymentSessionBean bean = newSessionBean.get();
    SessionView view = bean.open(request);
    live.register(view.id(), bean);
    return view;
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
