package io.tonewall.web.agent;

import io.tonewall.session.application.LiveSessions;
import io.tonewall.session.application.Readiness;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Backs the console's start page: whether each part Tonewall stands on answers. */
@Named
@RequestScoped
public class SystemStatusView {

  private static final Logger LOG = Logger.getLogger(SystemStatusView.class.getName());

  @EJB private Readiness readiness;

  @EJB private LiveSessions liveSessions;

  /** True when the database answers. */
  public boolean isDatabaseUp() {
    try {
      return readiness.databaseAnswers();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "database check failed on the console", e);
      return false;
    }
  }

  /** A one-line summary of the telephony adapter, e.g. "SIP listening on 5060 (udp,tcp)". */
  public String getTelephony() {
    try {
      TelephonyStatus status = readiness.telephony();
      return status.sipListening()
          ? "SIP listening on " + status.sipPort() + " (" + status.transports() + ")"
          : "SIP not listening";
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "telephony check failed on the console", e);
      return "telephony adapter unavailable";
    }
  }

  /** Payment sessions held live on this node. */
  public int getLiveSessions() {
    return liveSessions.count();
  }
}
