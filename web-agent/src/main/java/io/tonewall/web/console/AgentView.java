package io.tonewall.web.console;

import io.tonewall.session.application.AuditTrail;
import io.tonewall.session.application.CardFieldView;
import io.tonewall.session.application.PaymentSessions;
import io.tonewall.session.application.PspConfigurations;
import io.tonewall.session.application.PspSettingsView;
import io.tonewall.session.application.SessionView;
import io.tonewall.session.application.TransactionView;
import io.tonewall.session.application.Transactions;
import io.tonewall.session.console.ConsoleUsers;
import io.tonewall.session.domain.AuditEntry;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.CustomerDetails;
import io.tonewall.session.domain.Money;
import io.tonewall.session.domain.NewPaymentSession;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.session.domain.SessionState;
import io.tonewall.session.domain.TransactionType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The agent's one page: start a payment, show the pairing code and whether the call is secure,
 * request and reset card fields (digit counts as dots, never digits), process, and what comes after
 * an outcome. The payment session the agent works on is kept with the agent's user record, so the
 * page finds it again after the HTTP session ends.
 */
@Named
@RequestScoped
public class AgentView {

  @EJB private PaymentSessions sessions;

  @EJB private ConsoleUsers users;

  @EJB private PspConfigurations pspConfigurations;

  @EJB private Transactions transactions;

  @EJB private AuditTrail audit;

  @Inject private ConsoleUser user;

  @Inject private PageMessages messages;

  @Inject private Clock clock;

  private boolean loaded;
  private SessionView session;

  private String amount;
  private String currency = "GBP";
  private String transactionType = TransactionType.SALE.name();
  private String reference;
  private String pspConfiguration;
  private String customerName;
  private String customerAddress;
  private String customerPostcode;
  private String customerEmail;
  private String extraAmount;

  /** The session the agent works on, or null. */
  public SessionView getSession() {
    if (!loaded) {
      loaded = true;
      session = users.currentSession(user.getName()).map(sessions::find).orElse(null);
    }
    return session;
  }

  /** The code the agent dials on the call, while the session waits for its call. */
  public String getPairingCode() {
    return getSession() == null ? "" : session.pairingCode().orElse("");
  }

  /** The PSP configurations to choose from: offered by the adapter and enabled. */
  public List<PspSettingsView> getPspConfigurations() {
    return pspConfigurations.list().stream().filter(c -> c.available() && c.enabled()).toList();
  }

  public void start() {
    act(
        ignored -> {
          Money money = Amounts.parse(amount, currency);
          NewPaymentSession request =
              new NewPaymentSession(
                  SessionMode.AGENT_ASSIST,
                  TransactionType.valueOf(transactionType),
                  money,
                  Amounts.optional(reference),
                  customer(),
                  Amounts.optional(pspConfiguration),
                  Optional.empty(),
                  Optional.empty());
          SessionView opened = sessions.open(request);
          users.workOn(user.getName(), Optional.of(opened.id()));
          return opened;
        });
  }

  public void saveCustomer() {
    act(current -> sessions.updateCustomer(current.id(), customer()));
  }

  public void requestField(String field) {
    act(current -> sessions.requestField(current.id(), CardField.fromApiName(field)));
  }

  public void resetField(String field) {
    act(current -> sessions.resetField(current.id(), CardField.fromApiName(field)));
  }

  public void process() {
    act(current -> sessions.process(current.id()));
  }

  public void retry() {
    act(current -> sessions.retryWithAnotherCard(current.id()));
  }

  public void additionalPayment() {
    act(
        current ->
            sessions.additionalPayment(
                current.id(), Amounts.parse(extraAmount, current.currency())));
  }

  public void newPayment() {
    act(
        current ->
            sessions.newPayment(
                current.id(),
                current.transactionType(),
                Amounts.parse(extraAmount, current.currency())));
  }

  public void end() {
    act(current -> sessions.end(current.id()));
  }

  public void cancel() {
    act(current -> sessions.cancel(current.id()));
  }

  /** Leaves an ended session, back to the start form. */
  public void close() {
    users.workOn(user.getName(), Optional.empty());
    session = null;
  }

  /** "secure", "waiting" or "lost": the indicator's state. */
  public String getSecurity() {
    SessionView current = getSession();
    if (current == null || current.state().isEnded()) {
      return "waiting";
    }
    if (current.state() != SessionState.CREATED) {
      return "secure";
    }
    return lastSecureLoss().isPresent() ? "lost" : "waiting";
  }

  /**
   * Why secure mode was lost, as the audit trail recorded it ({@code reason=HOLD}, ...), in the
   * page's language.
   */
  public String getSecurityLossReason() {
    return lastSecureLoss()
        .map(AuditEntry::detail)
        .map(detail -> detail.replaceFirst(".*reason=([A-Z_]+).*", "$1"))
        .map(reason -> messages.textOr("agent.secure.reason." + reason, reason))
        .orElse("");
  }

  private Optional<AuditEntry> lastSecureLoss() {
    SessionView current = getSession();
    if (current == null) {
      return Optional.empty();
    }
    List<AuditEntry> entries = audit.ofSession(current.id());
    for (int i = entries.size() - 1; i >= 0; i--) {
      String type = entries.get(i).eventType();
      if ("session.secure_lost".equals(type)) {
        return Optional.of(entries.get(i));
      }
      if ("session.secured".equals(type)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The card fields, in capture order. */
  public List<CardFieldView> getCardFields() {
    return getSession() == null ? List.of() : session.cardFields();
  }

  /** One dot per digit keyed. */
  public String dots(CardFieldView field) {
    return "\u25CF".repeat(field.digitCount());
  }

  /** Seconds until the inactivity timeout, or -1 when none applies. */
  public long getSecondsLeft() {
    SessionView current = getSession();
    if (current == null || current.expiresAt().isEmpty() || current.state().isEnded()) {
      return -1;
    }
    return Math.max(0, Duration.between(clock.instant(), current.expiresAt().get()).toSeconds());
  }

  /** When the inactivity timeout falls, in epoch milliseconds (0 when none applies). */
  public long getDeadlineMillis() {
    SessionView current = getSession();
    if (current == null || current.expiresAt().isEmpty() || current.state().isEnded()) {
      return 0;
    }
    return current.expiresAt().get().toEpochMilli();
  }

  /** The normalised reason of the last payment's decline, if it was declined. */
  public String getDeclineReason() {
    SessionView current = getSession();
    if (current == null || current.transactions().isEmpty()) {
      return "";
    }
    TransactionView last = current.transactions().get(current.transactions().size() - 1);
    return last.declineReason().orElse("");
  }

  /** Transactions of the call (every transferred leg), else of this session. */
  public List<TransactionView> getHistory() {
    SessionView current = getSession();
    if (current == null) {
      return List.of();
    }
    return current
        .callReference()
        .map(transactions::ofCall)
        .filter(list -> !list.isEmpty())
        .orElse(current.transactions());
  }

  public String money(long minorUnits, String currencyCode) {
    return Amounts.format(minorUnits, currencyCode);
  }

  private CustomerDetails customer() {
    return CustomerDetails.of(
        Amounts.optional(customerName),
        Amounts.optional(customerAddress),
        Amounts.optional(customerPostcode),
        Amounts.optional(customerEmail));
  }

  private void act(Function<SessionView, SessionView> action) {
    try {
      session = action.apply(getSession());
      loaded = true;
    } catch (RuntimeException e) {
      messages.refused(e);
    }
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String amount) {
    this.amount = amount;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public String getTransactionType() {
    return transactionType;
  }

  public void setTransactionType(String transactionType) {
    this.transactionType = transactionType;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String reference) {
    this.reference = reference;
  }

  public String getPspConfiguration() {
    return pspConfiguration;
  }

  public void setPspConfiguration(String pspConfiguration) {
    this.pspConfiguration = pspConfiguration;
  }

  public String getCustomerName() {
    return customerName == null && getSession() != null
        ? session.customerName().orElse(null)
        : customerName;
  }

  public void setCustomerName(String customerName) {
    this.customerName = customerName;
  }

  public String getCustomerAddress() {
    return customerAddress == null && getSession() != null
        ? session.customerAddress().orElse(null)
        : customerAddress;
  }

  public void setCustomerAddress(String customerAddress) {
    this.customerAddress = customerAddress;
  }

  public String getCustomerPostcode() {
    return customerPostcode == null && getSession() != null
        ? session.customerPostcode().orElse(null)
        : customerPostcode;
  }

  public void setCustomerPostcode(String customerPostcode) {
    this.customerPostcode = customerPostcode;
  }

  public String getCustomerEmail() {
    return customerEmail == null && getSession() != null
        ? session.customerEmail().orElse(null)
        : customerEmail;
  }

  public void setCustomerEmail(String customerEmail) {
    this.customerEmail = customerEmail;
  }

  public String getExtraAmount() {
    return extraAmount;
  }

  public void setExtraAmount(String extraAmount) {
    this.extraAmount = extraAmount;
  }
}
