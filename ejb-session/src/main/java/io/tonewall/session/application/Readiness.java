package io.tonewall.session.application;

import io.tonewall.session.infrastructure.jca.TelephonyGateway;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Answers the readiness checks: does each part Tonewall stands on answer? */
@Stateless
public class Readiness {

  @EJB private JpaPaymentSessionRepository repository;

  @EJB private TelephonyGateway telephony;

  /** True when the database answers a query. */
  public boolean databaseAnswers() {
    return repository.databaseAnswers();
  }

  /** The telephony adapter's listening state. */
  public TelephonyStatus telephony() {
    return telephony.status();
  }
}
