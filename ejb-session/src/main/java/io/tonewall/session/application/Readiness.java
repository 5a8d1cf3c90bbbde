package io.tonewall.session.application;

import io.tonewall.psp.api.PspConfigurationSummary;
import io.tonewall.session.infrastructure.jca.PspGateway;
import io.tonewall.session.infrastructure.jca.TelephonyGateway;
import io.tonewall.session.infrastructure.jpa.JpaPaymentSessionRepository;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.List;

/** Answers the readiness checks: does each part Tonewall stands on answer? */
@Stateless
public class Readiness {

  private static final String SANDBOX = "sandbox";
  private static final String READINESS_PROBE_KEY = "tonewall-readiness-probe";

  @EJB private JpaPaymentSessionRepository repository;

  @EJB private TelephonyGateway telephony;

  @EJB private PspGateway psp;

  /** True when the database answers a query. */
  public boolean databaseAnswers() {
    return repository.databaseAnswers();
  }

  /**
   * The PSP configurations the adapter has, after asking the built-in sandbox for the status of a
   * request that was never made: an answer (not found) shows that the adapter processes requests.
   *
   * @throws io.tonewall.session.infrastructure.jca.AdapterUnavailableException when it cannot
   */
  public List<PspConfigurationSummary> pspConfigurations() {
    psp.status(SANDBOX, READINESS_PROBE_KEY);
    return psp.configurations();
  }

  /** The telephony adapter's listening state. */
  public TelephonyStatus telephony() {
    return telephony.status();
  }
}
