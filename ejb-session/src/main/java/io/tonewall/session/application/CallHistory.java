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
 * Transfers of calls: the call's history follows it, and so do the sessions still open on it.
 * Reported by the telephony adapter (REFER) or by an integrator.
 */
@Stateless
public class CallHistory {

  @EJB private JpaCallTransferRepository transfers;

  @EJB private JpaPaymentSessionRepository sessions;

  @EJB private SessionTransitions transitions;

  @Inject private Clock clock;

  /** Records that {@code from} was transferred to {@code to}. */
  public void transferred(String from, String to) {
    transfers.add(CallTransfer.of(from, to, clock.instant()));
    for (UUID session : sessions.openOnCall(from)) {
      transitions.callTransferred(session, to);
    }
  }
}
