package io.tonewall.session.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One payment session and its state machine (see {@link SessionState}); the durable record that a
 * session's stateful bean caches, so that a session survives a restart. It holds no card data: per
 * card field only its capture state, digit count, and for a complete number its brand and last
 * four.
 *
 * <p>Every method that changes the session takes the time from its caller (an injected clock) and
 * counts as activity for the inactivity timeout. Illegal requests are refused with a specific
 * {@link SessionStateException} or {@link InvalidSessionInputException} and change nothing.
 */
@Entity
@Table(name = "payment_session")
public class PaymentSession {

  /** Additional payments allowed on the same card after an approval. */
  public static final int MAX_ADDITIONAL_PAYMENTS = 3;

  /** The PSP configuration used when none is chosen. */
  public static final String DEFAULT_PSP_CONFIGURATION = "sandbox";

  private static final Pattern CONFIGURATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern CALL_REFERENCE = Pattern.compile("[\\x21-\\x7E]{1,128}");

  @Id
  @Column(name = "id", nullable = false, updatable = false, length = 36)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(name = "mode", nullable = false, length = 16)
  private SessionMode mode;

  @Enumerated(EnumType.STRING)
  @Column(name = "transaction_type", nullable = false, length = 16)
  private TransactionType transactionType;

  @Embedded private Money amount;

  @Column(name = "merchant_reference", length = 64)
  private String merchantReference;

  /** The public status, kept in step with {@link #state} so that lists can filter on it. */
  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 32)
  private SessionStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "state", nullable = false, length = 16)
  private SessionState state;

  @Embedded private CustomerDetails customer;

  @Column(name = "psp_configuration", nullable = false, length = 64)
  private String pspConfiguration;

  @Column(name = "call_reference", length = 128)
  private String callReference;

  /** The code the agent dials on the call to link it to this session, while it is unlinked. */
  @Column(name = "pairing_code", length = 10)
  private String pairingCode;

  @Column(name = "api_client_id", length = 64)
  private String apiClientId;

  /** IVR sessions: the language of the prompts. */
  @Column(name = "ivr_language", length = 16)
  private String ivrLanguage;

  /** IVR sessions: what happens to the call after the outcome is announced. */
  @Enumerated(EnumType.STRING)
  @Column(name = "ivr_after", length = 16)
  private AfterIvr afterIvr;

  /** IVR sessions: the id the caller is transferred with, while the session waits for the call. */
  @Column(name = "ivr_link_id", length = 16)
  private String ivrLinkId;

  /** IVR sessions: where the caller is transferred to, while the session waits for the call. */
  @Column(name = "ivr_transfer_to", length = 255)
  private String ivrTransferTo;

  /** IVR sessions: failed attempts (invalid or timed out) at the card field being captured. */
  @Column(name = "ivr_failed_attempts", nullable = false)
  private int ivrFailedAttempts;

  @Column(name = "payment_minor", nullable = false)
  private long paymentMinorUnits;

  @Column(name = "paid_minor", nullable = false)
  private long paidMinorUnits;

  @Column(name = "surcharge_bps", nullable = false)
  private int surchargeBasisPoints;

  @Column(name = "surcharge_accepted", nullable = false)
  private boolean surchargeAccepted;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "additional_payments", nullable = false)
  private int additionalPayments;

  @Column(name = "security_incidents", nullable = false)
  private int securityIncidents;

  @Column(name = "current_additional", nullable = false)
  private boolean currentAdditional;

  @Column(name = "card_on_file", nullable = false)
  private boolean cardOnFile;

  @Column(name = "any_approved", nullable = false)
  private boolean anyApproved;

  @Column(name = "last_transaction_id", length = 36)
  private String lastTransactionId;

  @Column(name = "inactivity_seconds", nullable = false)
  private long inactivitySeconds;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "last_activity_at", nullable = false)
  private Instant lastActivityAt;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "state", column = @Column(name = "number_state")),
    @AttributeOverride(name = "digitCount", column = @Column(name = "number_digits"))
  })
  private FieldProgress number;

  @Enumerated(EnumType.STRING)
  @Column(name = "number_brand", length = 16)
  private CardScheme numberScheme;

  @Column(name = "number_last_four", length = 4)
  private String numberLastFour;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "state", column = @Column(name = "expiry_state")),
    @AttributeOverride(name = "digitCount", column = @Column(name = "expiry_digits"))
  })
  private FieldProgress expiry;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "state", column = @Column(name = "security_code_state")),
    @AttributeOverride(name = "digitCount", column = @Column(name = "security_code_digits"))
  })
  private FieldProgress securityCode;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected PaymentSession() {
    // for JPA
  }

  /**
   * Opens a session in state {@code CREATED} (status {@code Initial}) with the default policy.
   *
   * @throws InvalidSessionInputException when the combination is not possible
   */
  public static PaymentSession open(
      SessionMode mode,
      TransactionType transactionType,
      Money amount,
      Optional<String> merchantReference,
      Instant now) {
    return open(
        new NewPaymentSession(mode, transactionType, amount, merchantReference),
        SessionPolicy.DEFAULT,
        now);
  }

  /**
   * Opens a session in state {@code CREATED} (status {@code Initial}).
   *
   * @throws InvalidSessionInputException when the amount, reference, configuration or call
   *     reference is not acceptable
   */
  public static PaymentSession open(NewPaymentSession request, SessionPolicy policy, Instant now) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    requireAmountFits(request.transactionType(), request.amount());
    String reference = request.merchantReference().map(String::strip).orElse(null);
    CardNumberGuard.requireNoCardNumber("merchant reference", reference);
    if (reference != null && (reference.length() > 64 || !reference.matches("[\\x20-\\x7E]*"))) {
      throw new InvalidSessionInputException(
          "merchant reference must be at most 64 printable ASCII characters");
    }
    PaymentSession session = new PaymentSession();
    session.id = UUID.randomUUID().toString();
    session.mode = request.mode();
    session.transactionType = request.transactionType();
    session.amount = request.amount();
    session.merchantReference = reference;
    session.customer = request.customer();
    session.pspConfiguration =
        configurationId(request.pspConfiguration().orElse(DEFAULT_PSP_CONFIGURATION));
    session.callReference = request.callReference().map(PaymentSession::callId).orElse(null);
    session.apiClientId = request.apiClientId().orElse(null);
    session.paymentMinorUnits = request.amount().minorUnits();
    session.surchargeBasisPoints = policy.surchargeBasisPoints();
    session.surchargeAccepted = request.surchargeAccepted() && session.surcharge().isPresent();
    if (request.mode() == SessionMode.IVR) {
      IvrOptions ivr = request.ivr().orElseGet(IvrOptions::defaults);
      session.ivrLanguage = ivr.language();
      session.afterIvr = ivr.afterIvr();
      Optional<Money> surcharge = session.surcharge();
      if (surcharge.isPresent() && !session.surchargeAccepted) {
        throw new InvalidSessionInputException(
            "the PSP configuration adds a surcharge of "
                + surcharge.get()
                + ", which an IVR caller cannot be asked to accept during the call: tell the"
                + " caller first and create the session with surchargeAccepted true");
      }
    }
    session.inactivitySeconds = policy.inactivityTimeout().toSeconds();
    session.expiresAt =
        request.mode() == SessionMode.DIGITAL ? now.plus(policy.linkValidity()) : null;
    session.state = SessionState.CREATED;
    session.resetCardFields();
    session.createdAt = now;
    session.touch(now);
    return session;
  }

  // ---------------------------------------------------------------- securing the call

  /**
   * The call is secure (pairing code dialled, call linked, IVR transfer arrived, or the pay page
   * opened): card fields may now be captured.
   *
   * @param callReference the call's reference, if the link names one
   */
  public void secure(Optional<String> callReference, Instant now) {
    requireActive(now);
    requireState("secure the call", SessionState.CREATED);
    callReference.map(PaymentSession::callId).ifPresent(call -> this.callReference = call);
    pairingCode = null;
    clearIvrLink();
    ivrFailedAttempts = 0;
    state = SessionState.SECURED;
    touch(now);
  }

  /**
   * Shows where an IVR session's caller is to be transferred and the link id that joins the call to
   * the session; a newer link replaces the older one.
   *
   * @throws InvalidSessionInputException unless the link id is 4 to 16 digits and the destination
   *     is 1 to 255 printable characters
   * @throws IllegalSessionTransitionException unless the session is an IVR session waiting for its
   *     call
   */
  public void assignIvrLink(String transferTo, String linkId, Instant now) {
    requireActive(now);
    if (mode != SessionMode.IVR) {
      throw new InvalidSessionInputException("only IVR sessions are linked by a link id");
    }
    requireState("show an IVR link id", SessionState.CREATED);
    if (linkId == null || !linkId.matches("[0-9]{4,16}")) {
      throw new InvalidSessionInputException("an IVR link id is 4 to 16 digits");
    }
    if (transferTo == null || !transferTo.matches("[\\x21-\\x7E]{1,255}")) {
      throw new InvalidSessionInputException(
          "an IVR transfer destination is 1 to 255 printable ASCII characters");
    }
    ivrLinkId = linkId;
    ivrTransferTo = transferTo;
    touch(now);
  }

  /**
   * The IVR caller keyed the card field being captured wrongly, or not at all in time.
   *
   * @return the failed attempts at this field so far
   */
  public int ivrFieldFailed(Instant now) {
    requireIvr();
    ivrFailedAttempts++;
    touch(now);
    return ivrFailedAttempts;
  }

  /** The IVR caller completed a card field: the next one starts with no failed attempt. */
  public void ivrFieldSucceeded(Instant now) {
    requireIvr();
    ivrFailedAttempts = 0;
    touch(now);
  }

  private void requireIvr() {
    if (mode != SessionMode.IVR) {
      throw new IllegalStateException("session " + id + " is not an IVR session");
    }
  }

  private void clearIvrLink() {
    ivrLinkId = null;
    ivrTransferTo = null;
  }

  /**
   * Shows a pairing code for the agent to dial on the call (agent-assisted sessions whose call is
   * not linked yet); a newer code replaces the older one.
   *
   * @throws InvalidSessionInputException unless the code is 4 to 10 digits
   * @throws IllegalSessionTransitionException unless the session is agent-assisted and unsecured
   */
  public void assignPairingCode(String code, Instant now) {
    requireActive(now);
    if (mode != SessionMode.AGENT_ASSIST) {
      throw new InvalidSessionInputException("only agent-assisted sessions are paired by a code");
    }
    requireState("show a pairing code", SessionState.CREATED);
    if (code == null || !code.matches("[0-9]{4,10}")) {
      throw new InvalidSessionInputException("a pairing code is 4 to 10 digits");
    }
    pairingCode = code;
    touch(now);
  }

  /**
   * The agent dialled the pairing code on a call: the call is linked to the session (its code is
   * used up). Securing the call follows.
   *
   * @throws IllegalSessionTransitionException unless the session waits for its call
   */
  public void callPaired(String callId, Instant now) {
    requireActive(now);
    requireState("link a call", SessionState.CREATED);
    callReference = callId(callId);
    pairingCode = null;
    touch(now);
  }

  /**
   * The linked call ended: the captured fields are gone with it (the adapter wiped them); a session
   * still waiting for its card is back to {@code CREATED}, to be linked to another call. Sessions
   * with an outcome keep it.
   */
  public void callEnded(Instant now) {
    requireNotEnded();
    cardOnFile = false;
    ivrFailedAttempts = 0;
    if (state.isCapturing()) {
      resetCardFields();
      state = SessionState.CREATED;
    }
    touch(now);
  }

  /**
   * Hold, transfer or hang-up broke the secure state (the console turns grey): card fields captured
   * so far are dropped, and so is the card kept for additional payments. A session in an outcome
   * keeps its outcome.
   */
  public void secureLost(Instant now) {
    requireNotEnded();
    cardOnFile = false;
    if (state.isCapturing()) {
      resetCardFields();
      state = SessionState.CREATED;
    }
    touch(now);
  }

  /** The call was transferred: the session follows it under its new reference. */
  public void callTransferred(String newCallReference, Instant now) {
    requireNotEnded();
    callReference = callId(newCallReference);
    touch(now);
  }

  // ---------------------------------------------------------------- fields

  /**
   * Starts (or restarts) the capture of a card field; a complete field asked for again is cleared
   * and captured anew.
   *
   * @throws IllegalSessionTransitionException unless the call is secure and no payment is pending
   */
  public void requestField(CardField field, Instant now) {
    requireActive(now);
    requireCapturing("request the card field " + field.apiName());
    setProgress(field, FieldProgress.requested());
    state = SessionState.SECURED;
    touch(now);
  }

  /**
   * Clears a card field: its digits are dropped and it is no longer being captured.
   *
   * @throws IllegalSessionTransitionException unless the call is secure and no payment is pending
   */
  public void resetField(CardField field, Instant now) {
    requireActive(now);
    requireCapturing("reset the card field " + field.apiName());
    setProgress(field, FieldProgress.notRequested());
    state = SessionState.SECURED;
    touch(now);
  }

  /**
   * Records what the capture reports about a field; the session becomes {@code READY} once every
   * card field is complete and valid, and falls back to {@code SECURED} when one is not.
   *
   * @throws IllegalSessionTransitionException when the field was not requested or the call is not
   *     secure
   */
  public void recordProgress(FieldReport report, Instant now) {
    requireActive(now);
    requireCapturing("capture the card field " + report.field().apiName());
    if (progress(report.field()).state() == CaptureState.NOT_REQUESTED) {
      throw new IllegalSessionTransitionException(
          id(),
          "capture the card field " + report.field().apiName() + " before it is requested",
          state);
    }
    FieldProgress progress = FieldProgress.of(report);
    setProgress(report.field(), progress);
    if (report.field() == CardField.NUMBER) {
      numberScheme = report.scheme().orElse(null);
      numberLastFour = progress.isComplete() ? report.lastFour().orElse(null) : null;
    }
    state = incompleteFields().isEmpty() ? SessionState.READY : SessionState.SECURED;
    touch(now);
  }

  /**
   * Replaces the agent fields about the payer.
   *
   * @throws IllegalSessionTransitionException while a payment is being processed
   */
  public void updateCustomer(CustomerDetails details, Instant now) {
    requireActive(now);
    if (state == SessionState.PROCESSING) {
      throw new IllegalSessionTransitionException(id(), "change the payer's details", state);
    }
    customer = Objects.requireNonNull(details, "details");
    touch(now);
  }

  /**
   * Switches the PSP configuration before the payment is processed.
   *
   * @param surchargeBasisPoints the surcharge the new configuration adds
   */
  public void switchPspConfiguration(String configuration, int surchargeBasisPoints, Instant now) {
    requireActive(now);
    if (state != SessionState.CREATED && !state.isCapturing()) {
      throw new IllegalSessionTransitionException(id(), "switch the PSP configuration", state);
    }
    pspConfiguration = configurationId(configuration);
    if (surchargeBasisPoints < 0 || surchargeBasisPoints > 10_000) {
      throw new InvalidSessionInputException("surcharge must be 0 to 10000 basis points");
    }
    this.surchargeBasisPoints = surchargeBasisPoints;
    surchargeAccepted = false;
    touch(now);
  }

  /** The caller accepted the surcharge the configuration adds. */
  public void acceptSurcharge(Instant now) {
    requireActive(now);
    if (surcharge().isEmpty()) {
      throw new InvalidSessionInputException("this session adds no surcharge");
    }
    surchargeAccepted = true;
    touch(now);
  }

  /**
   * Pays only part of what remains with the next card (splitting the amount across cards).
   *
   * @throws AmountExceedsRemainderException when the part is more than what remains
   */
  public void payPart(Money part, Instant now) {
    requireActive(now);
    requireCapturing("split the amount");
    if (currentAdditional || transactionType == TransactionType.TOKENISE) {
      throw new InvalidSessionInputException("only a sale or pre-authorisation can be split");
    }
    if (part.isZero()) {
      throw new InvalidMoneyException("a part payment must be above 0");
    }
    if (part.exceeds(remaining())) {
      throw new AmountExceedsRemainderException(part, remaining());
    }
    paymentMinorUnits = part.minorUnits();
    touch(now);
  }

  // ---------------------------------------------------------------- processing

  /**
   * Starts processing the payment: {@code READY} becomes {@code PROCESSING}.
   *
   * @return what to send to the PSP
   * @throws FieldsIncompleteException before every card field is complete and valid
   * @throws OutcomeUnknownException while the last payment's outcome is unknown
   * @throws SurchargeNotAcceptedException when a surcharge applies and was not accepted
   * @throws IllegalSessionTransitionException in any other state but {@code READY}
   */
  public PaymentAttempt startProcessing(Instant now) {
    requireActive(now);
    if (state == SessionState.UNKNOWN) {
      throw new OutcomeUnknownException(id());
    }
    if (state == SessionState.CREATED || state == SessionState.SECURED) {
      throw new FieldsIncompleteException(id(), incompleteFields());
    }
    requireState("process a payment", SessionState.READY);
    if (transactionType == TransactionType.REFUND) {
      throw new InvalidSessionInputException(
          "a refund is made on an earlier transaction, not by processing a card");
    }
    Optional<Money> surcharge = surcharge();
    if (surcharge.isPresent() && !surchargeAccepted) {
      throw new SurchargeNotAcceptedException(id(), surcharge.get());
    }
    Money charge = surcharge.map(payment()::plus).orElse(payment());
    attempts++;
    state = SessionState.PROCESSING;
    touch(now);
    return new PaymentAttempt(
        id(),
        attempts,
        transactionType,
        charge,
        surcharge.orElse(Money.zero(amount.currency())),
        pspConfiguration,
        currentAdditional,
        callReference());
  }

  /**
   * Starts paying a fresh session with a stored PSP token instead of a keyed card: {@code CREATED}
   * becomes {@code PROCESSING} directly (no call, no card fields).
   *
   * @throws IllegalSessionTransitionException unless the session is fresh
   * @throws InvalidSessionInputException for a tokenisation or refund session
   */
  public PaymentAttempt startTokenPayment(Instant now) {
    requireActive(now);
    requireState("pay with a token", SessionState.CREATED);
    if (transactionType != TransactionType.SALE && transactionType != TransactionType.AUTHORISE) {
      throw new InvalidSessionInputException("only a SALE or AUTHORISE can be paid with a token");
    }
    Optional<Money> surcharge = surcharge();
    Money charge = surcharge.map(payment()::plus).orElse(payment());
    attempts++;
    state = SessionState.PROCESSING;
    touch(now);
    return new PaymentAttempt(
        id(),
        attempts,
        transactionType,
        charge,
        surcharge.orElse(Money.zero(amount.currency())),
        pspConfiguration,
        false,
        callReference());
  }

  /**
   * Records the PSP's answer to the attempt being processed and returns the transaction to store.
   * An approval counts towards the amount (unless it was an additional payment) and keeps the card
   * for up to {@value #MAX_ADDITIONAL_PAYMENTS} additional payments.
   */
  public PaymentTransaction recordOutcome(
      PaymentAttempt attempt, PaymentOutcome outcome, Instant now) {
    requireState("record a payment outcome", SessionState.PROCESSING);
    if (attempt.number() != attempts || !attempt.sessionId().equals(id())) {
      throw new IllegalArgumentException("outcome of another attempt");
    }
    if (outcome.outcome() == Outcome.SCHEDULED) {
      throw new IllegalArgumentException("a payment's outcome is never SCHEDULED");
    }
    PaymentTransaction transaction =
        PaymentTransaction.of(attempt, outcome, Optional.ofNullable(apiClientId), now);
    lastTransactionId = transaction.id().toString();
    settle(outcome.outcome(), attempt.amount().minus(attempt.surcharge()));
    touch(now);
    return transaction;
  }

  /**
   * The outcome of this session's last payment was resolved by reconciliation: an {@code UNKNOWN}
   * session takes the resolved outcome. A transaction other than the last changes nothing here.
   */
  public void reconciled(PaymentTransaction transaction, Instant now) {
    if (state != SessionState.UNKNOWN
        || !transaction.id().toString().equals(lastTransactionId)
        || transaction.outcome() == Outcome.UNKNOWN) {
      return;
    }
    settle(transaction.outcome(), transaction.amount().minus(transaction.surcharge()));
    touch(now);
  }

  private void settle(Outcome outcome, Money charged) {
    state =
        switch (outcome) {
          case APPROVED -> SessionState.APPROVED;
          case DECLINED -> SessionState.DECLINED;
          case FAILED -> SessionState.FAILED;
          default -> SessionState.UNKNOWN;
        };
    if (outcome == Outcome.APPROVED) {
      anyApproved = true;
      cardOnFile = true;
      if (!currentAdditional) {
        paidMinorUnits += charged.minorUnits();
      }
    }
  }

  // ---------------------------------------------------------------- after an outcome

  /**
   * After a decline or failure, or after a part payment: capture another card. The card fields are
   * cleared; the amount is what remains.
   */
  public void retryWithAnotherCard(Instant now) {
    requireActive(now);
    if (state == SessionState.UNKNOWN) {
      throw new OutcomeUnknownException(id());
    }
    boolean partPaid = state == SessionState.APPROVED && !remaining().isZero();
    if (state != SessionState.DECLINED && state != SessionState.FAILED && !partPaid) {
      throw new IllegalSessionTransitionException(id(), "retry with another card", state);
    }
    startNextPayment(remaining(), false);
    resetCardFields();
    cardOnFile = false;
    state = SessionState.SECURED;
    touch(now);
  }

  /**
   * After an approval, charge the same card again (up to {@value #MAX_ADDITIONAL_PAYMENTS} times);
   * the card fields stay complete and the session is {@code READY} again.
   *
   * @throws AdditionalPaymentLimitException after {@value #MAX_ADDITIONAL_PAYMENTS}
   */
  public void additionalPayment(Money extra, Instant now) {
    requireActive(now);
    if (state == SessionState.UNKNOWN) {
      throw new OutcomeUnknownException(id());
    }
    if (state != SessionState.APPROVED || !cardOnFile) {
      throw new IllegalSessionTransitionException(id(), "charge the same card again", state);
    }
    if (transactionType == TransactionType.TOKENISE) {
      throw new InvalidSessionInputException("a tokenisation session charges nothing");
    }
    if (additionalPayments >= MAX_ADDITIONAL_PAYMENTS) {
      throw new AdditionalPaymentLimitException(id(), MAX_ADDITIONAL_PAYMENTS);
    }
    if (extra.isZero() || !extra.currency().equals(amount.currency())) {
      throw new InvalidMoneyException(
          "an additional payment must be above 0 and in " + amount.currency());
    }
    additionalPayments++;
    startNextPayment(extra, true);
    state = SessionState.READY;
    touch(now);
  }

  /** A new payment on the same call after an outcome, with a new card: a new amount and type. */
  public void newPayment(TransactionType type, Money newAmount, Instant now) {
    requireActive(now);
    if (state == SessionState.UNKNOWN) {
      throw new OutcomeUnknownException(id());
    }
    if (!state.isOutcome()) {
      throw new IllegalSessionTransitionException(id(), "start a new payment", state);
    }
    requireAmountFits(type, newAmount);
    transactionType = type;
    amount = newAmount;
    paidMinorUnits = 0;
    additionalPayments = 0;
    startNextPayment(newAmount, false);
    resetCardFields();
    cardOnFile = false;
    state = SessionState.SECURED;
    touch(now);
  }

  private void startNextPayment(Money payment, boolean additional) {
    paymentMinorUnits = payment.minorUnits();
    currentAdditional = additional;
    surchargeAccepted = false;
  }

  /** Ends the session after one or more outcomes; status {@code Finished} if any was approved. */
  public void end(Instant now) {
    requireNotEnded();
    if (!state.isOutcome()) {
      throw new IllegalSessionTransitionException(
          id(), "end before any outcome (cancel it)", state);
    }
    finish(now);
  }

  /**
   * Cancels the session, whatever it is doing.
   *
   * @throws SessionAlreadyEndedException when it has already ended
   */
  public void cancel(Instant now) {
    requireNotEnded();
    state = SessionState.CANCELLED;
    cardOnFile = false;
    pairingCode = null;
    clearIvrLink();
    resetCardFields();
    touch(now);
  }

  /**
   * Ends the session if it has been idle for its inactivity timeout (or its link has expired):
   * before any outcome it times out ({@code TimeOut}, or {@code ExpiredOnProviderSide} for a
   * pay-by-link session), after one it ends as if the agent had ended it.
   *
   * @return true when the session ended now
   */
  public boolean expireIfIdle(Instant now) {
    if (state.isEnded() || state == SessionState.PROCESSING || !isIdle(now)) {
      return false;
    }
    if (state.isOutcome()) {
      finish(now);
    } else {
      state = isLinkExpired(now) ? SessionState.EXPIRED : SessionState.TIMED_OUT;
      pairingCode = null;
      clearIvrLink();
      resetCardFields();
      touch(now);
    }
    cardOnFile = false;
    return true;
  }

  private void finish(Instant now) {
    state = SessionState.ENDED;
    cardOnFile = false;
    pairingCode = null;
    clearIvrLink();
    resetCardFields();
    touch(now);
  }

  private boolean isIdle(Instant now) {
    if (mode == SessionMode.DIGITAL && state == SessionState.CREATED) {
      return isLinkExpired(now);
    }
    return !now.isBefore(lastActivityAt.plusSeconds(inactivitySeconds)) || isLinkExpired(now);
  }

  private boolean isLinkExpired(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  // ---------------------------------------------------------------- rules

  private void requireNotEnded() {
    if (state.isEnded()) {
      throw new SessionAlreadyEndedException(id(), status());
    }
  }

  /** Ended, or idle past the timeout (which the sweep or the next read records). */
  private void requireActive(Instant now) {
    requireNotEnded();
    if (state != SessionState.PROCESSING && isIdle(now)) {
      SessionStatus wouldBe =
          state.isOutcome()
              ? statusOf(SessionState.ENDED)
              : statusOf(isLinkExpired(now) ? SessionState.EXPIRED : SessionState.TIMED_OUT);
      throw new SessionAlreadyEndedException(id(), wouldBe);
    }
  }

  private void requireState(String action, SessionState expected) {
    if (state != expected) {
      throw new IllegalSessionTransitionException(id(), action, state);
    }
  }

  private void requireCapturing(String action) {
    if (state == SessionState.UNKNOWN) {
      throw new OutcomeUnknownException(id());
    }
    if (!state.isCapturing()) {
      throw new IllegalSessionTransitionException(id(), action, state);
    }
  }

  private static void requireAmountFits(TransactionType type, Money amount) {
    Objects.requireNonNull(type, "transactionType");
    Objects.requireNonNull(amount, "amount");
    if (type == TransactionType.TOKENISE && !amount.isZero()) {
      throw new InvalidSessionInputException(
          "a TOKENISE session charges nothing: amount must be 0");
    }
    if (type != TransactionType.TOKENISE && amount.isZero()) {
      throw new InvalidSessionInputException("a " + type + " session needs an amount above 0");
    }
  }

  private static String configurationId(String value) {
    if (value == null || !CONFIGURATION_ID.matcher(value).matches()) {
      throw new InvalidSessionInputException(
          "PSP configuration must be 1-64 letters, digits, '.', '_' or '-'");
    }
    return value;
  }

  private static String callId(String value) {
    // Not checked by CardNumberGuard: SIP Call-IDs are machine-made, often long digit runs, and
    // are never typed by a person; refusing one would lose the call link.
    String stripped = value == null ? "" : value.strip();
    if (!CALL_REFERENCE.matcher(stripped).matches()) {
      throw new InvalidSessionInputException(
          "call reference must be 1-128 printable ASCII characters without spaces");
    }
    return stripped;
  }

  private void resetCardFields() {
    number = FieldProgress.notRequested();
    numberScheme = null;
    numberLastFour = null;
    expiry = FieldProgress.notRequested();
    securityCode = FieldProgress.notRequested();
  }

  private void setProgress(CardField field, FieldProgress progress) {
    switch (field) {
      case NUMBER -> {
        number = progress;
        numberScheme = null;
        numberLastFour = null;
      }
      case EXPIRY -> expiry = progress;
      case SECURITY_CODE -> securityCode = progress;
    }
  }

  private void touch(Instant now) {
    lastActivityAt = Objects.requireNonNull(now, "now");
    updatedAt = now;
    status = statusOf(state);
  }

  private SessionStatus statusOf(SessionState value) {
    return switch (value) {
      case CREATED -> SessionStatus.INITIAL;
      case SECURED, READY, PROCESSING, UNKNOWN -> SessionStatus.IN_PROGRESS;
      case APPROVED -> remaining().isZero() ? SessionStatus.FINISHED : SessionStatus.IN_PROGRESS;
      case DECLINED, FAILED -> SessionStatus.ERROR;
      case CANCELLED -> SessionStatus.CANCELLED;
      case TIMED_OUT -> SessionStatus.TIME_OUT;
      case EXPIRED -> SessionStatus.EXPIRED_ON_PROVIDER_SIDE;
      case ENDED -> anyApproved ? SessionStatus.FINISHED : SessionStatus.ERROR;
    };
  }

  // ---------------------------------------------------------------- reading

  public UUID id() {
    return UUID.fromString(id);
  }

  public SessionMode mode() {
    return mode;
  }

  public TransactionType transactionType() {
    return transactionType;
  }

  /** The amount the session is to collect (across cards when split). */
  public Money amount() {
    return amount;
  }

  /** The amount of the payment to be processed next (a part, or an additional payment). */
  public Money payment() {
    return Money.of(paymentMinorUnits, amount.currency());
  }

  /** What remains to be paid of {@link #amount()}; additional payments do not count. */
  public Money remaining() {
    return Money.of(Math.max(0, amount.minorUnits() - paidMinorUnits), amount.currency());
  }

  /** The surcharge the next payment adds, when the configuration adds one. */
  public Optional<Money> surcharge() {
    if (surchargeBasisPoints == 0
        || transactionType == TransactionType.TOKENISE
        || paymentMinorUnits == 0) {
      return Optional.empty();
    }
    return Optional.of(payment().basisPoints(surchargeBasisPoints));
  }

  public boolean surchargeAccepted() {
    return surchargeAccepted;
  }

  public Optional<String> merchantReference() {
    return Optional.ofNullable(merchantReference);
  }

  /** The public status integrators see. */
  public SessionStatus status() {
    return statusOf(state);
  }

  public SessionState state() {
    return state;
  }

  /** True while the last payment's outcome is unknown: do not resubmit. */
  public boolean doNotResubmit() {
    return state == SessionState.UNKNOWN;
  }

  public CustomerDetails customer() {
    return customer == null ? CustomerDetails.none() : customer;
  }

  public String pspConfiguration() {
    return pspConfiguration;
  }

  public Optional<String> callReference() {
    return Optional.ofNullable(callReference);
  }

  /** The code the agent dials to link the call, while the session waits for one. */
  public Optional<String> pairingCode() {
    return Optional.ofNullable(pairingCode);
  }

  public Optional<String> apiClientId() {
    return Optional.ofNullable(apiClientId);
  }

  /** An IVR session's language and ending; empty for other modes. */
  public Optional<IvrOptions> ivrOptions() {
    return mode == SessionMode.IVR && ivrLanguage != null && afterIvr != null
        ? Optional.of(new IvrOptions(ivrLanguage, afterIvr))
        : Optional.empty();
  }

  /** The id an IVR caller is transferred with, while the session waits for the call. */
  public Optional<String> ivrLinkId() {
    return Optional.ofNullable(ivrLinkId);
  }

  /** Where an IVR caller is to be transferred, while the session waits for the call. */
  public Optional<String> ivrTransferTo() {
    return Optional.ofNullable(ivrTransferTo);
  }

  /** Failed attempts (invalid or timed out) at the IVR card field being captured. */
  public int ivrFailedAttempts() {
    return ivrFailedAttempts;
  }

  /** True when {@code clientId} opened this session (only that client sees it through the API). */
  public boolean isOwnedBy(String clientId) {
    return apiClientId != null && apiClientId.equals(clientId);
  }

  /** Additional payments made on the same card so far. */
  public int additionalPayments() {
    return additionalPayments;
  }

  /**
   * The leak sentinel suspected that keypad tones reached the agent on the session's call: counted,
   * whatever the state (a fact about the call, recorded even after the session ended). Not
   * activity: the inactivity timeout is left alone.
   */
  public void leakSuspected() {
    securityIncidents++;
  }

  /** How many times the leak sentinel suspected a leak on the session's call. */
  public int securityIncidents() {
    return securityIncidents;
  }

  /** True while the approved card may be charged again without capturing it anew. */
  public boolean cardOnFile() {
    return cardOnFile;
  }

  public Optional<UUID> lastTransactionId() {
    return Optional.ofNullable(lastTransactionId).map(UUID::fromString);
  }

  /** The capture progress of one card field. */
  public FieldProgress progress(CardField field) {
    return switch (field) {
      case NUMBER -> number;
      case EXPIRY -> expiry;
      case SECURITY_CODE -> securityCode;
    };
  }

  /** The brand of the card number being keyed, once the capture recognises it. */
  public Optional<CardScheme> numberScheme() {
    return Optional.ofNullable(numberScheme);
  }

  /** The last four digits of the card number, once it is complete and valid. */
  public Optional<String> numberLastFour() {
    return Optional.ofNullable(numberLastFour);
  }

  /**
   * A card field as agents and integrators may see it: one {@code *} per digit keyed, with the last
   * four of a complete card number, e.g. {@code ************4242}.
   */
  public String masked(CardField field) {
    FieldProgress progress = progress(field);
    if (field == CardField.NUMBER && numberLastFour != null && progress.digitCount() >= 4) {
      return "*".repeat(progress.digitCount() - 4) + numberLastFour;
    }
    return progress.masked();
  }

  /** Every card field's progress, in capture order. */
  public Map<CardField, FieldProgress> fields() {
    Map<CardField, FieldProgress> fields = new EnumMap<>(CardField.class);
    for (CardField field : CardField.values()) {
      fields.put(field, progress(field));
    }
    return fields;
  }

  /** Card fields not complete and valid yet. */
  public List<CardField> incompleteFields() {
    List<CardField> incomplete = new ArrayList<>();
    for (CardField field : CardField.values()) {
      if (!progress(field).isComplete()) {
        incomplete.add(field);
      }
    }
    return incomplete;
  }

  /** When a pay-by-link session's link expires. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  public Instant lastActivityAt() {
    return lastActivityAt;
  }

  public Duration inactivityTimeout() {
    return Duration.ofSeconds(inactivitySeconds);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
