package io.tonewall.session.application;

import io.tonewall.session.domain.CallTransfer;
import io.tonewall.session.infrastructure.jpa.JpaCallTransferRepository;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;

/**
 * Transfers of calls reported by an integrator: the call's history follows it, and so do the
 * integrator's own sessions still open on it.
 */
@Stateless
public class CallHistory {

  @EJB private JpaCallTransferRepository transfers;

  @EJB private JpaPaymentSessionRepository sessions;

  @EJB private SessionTransitions transitions;

  @Inject private Clock clock;

  /**
   * Records, for an API client, that its call {@code from} was transferred to {@code to}: the
   * call's history follows, and so do the client's sessions still open on it. Other clients'
   * sessions are never touched, and a call without any session of the client is unknown to it.
   *
   * @throws CallNotFoundException when none of the client's sessions is (or was) on {@code from}
   */
  public void transferred(String from, String to, String apiClientId) {
    if (!sessions.anyOnCall(from, apiClientId)) {
      throw new CallNotFoundException();
    }
    transfers.add(CallTransfer.of(from, to, clock.instant()));
    for (UUID session : sessions.openOnCall(from, apiClientId)) {
      transitions.callTransferred(session, to);
    }
  }
}
