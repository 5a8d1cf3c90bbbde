package io.tonewall.web.console;

import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.SessionView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * The supervisor's live list: the newest sessions of every API client and of the console, with
 * status, state, amount and card-field progress (counts only). The page refreshes it when the push
 * channel reports a change.
 */
@Named
@RequestScoped
public class SupervisorView {

  static final int SHOWN = 50;

  @EJB private PaymentSessions sessions;

  @Inject private PageMessages messages;

  private List<SessionView> shown;

  public List<SessionView> getSessions() {
    if (shown == null) {
      try {
        shown = sessions.list(0, SHOWN, Optional.empty(), Optional.empty()).items();
      } catch (RuntimeException e) {
        messages.refused(e);
        shown = List.of();
      }
    }
    return shown;
  }

  public String money(long minorUnits, String currency) {
    return Amounts.format(minorUnits, currency);
  }

  /** Digits keyed per field, e.g. "16 / 4 / 3". */
  public String progress(SessionView session) {
    return String.join(
        " / ",
        session.cardFields().stream().map(field -> String.valueOf(field.digitCount())).toList());
  }
}
