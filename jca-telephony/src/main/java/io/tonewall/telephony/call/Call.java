package io.tonewall.telephony.call;

import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.api.CallNotSecureException;
import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TransferOutcome;
import io.tonewall.telephony.api.UnknownCallException;
import io.tonewall.telephony.dtmf.CaptureSpecification;
import io.tonewall.telephony.dtmf.CaptureState;
import io.tonewall.telephony.dtmf.DigitCollector;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.relay.MediaListener;
import io.tonewall.telephony.relay.MediaSession;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * One live call as the payment side sees it: which session it is linked to, whether the caller →
 * agent direction is secure, the card field being captured and the fields captured so far. Key
 * presses arrive from the relay thread ({@link MediaListener}); control comes from the outbound
 * connection API and from SIP (hold, transfer, hang-up). All methods are synchronized.
 *
 * <p>Card data: captured digits sit in {@code char[]} arrays, wiped on reset, on release, when
 * handed over and when the call ends. Nothing here logs or prints a digit.
 */
public final class Call implements MediaListener {

  private static final Logger LOG = Logger.getLogger(Call.class.getName());
  private static final int AGENT_KEYS_KEPT = 20;

  private final String callId;
  private final Optional<String> reference;
  private final CallRegistry registry;
  private final StringBuilder agentKeys = new StringBuilder();
  private final Map<CardField, char[]> captured = new EnumMap<>(CardField.class);
  private final List<CapturedCard> handedOut = new ArrayList<>();
  private final Deque<String> windowSessions = new ArrayDeque<>();
  private final Map<CardField, IvrControl.FieldRetry> retries = new EnumMap<>(CardField.class);
  private final boolean ivrCall;
  private Optional<IvrControl> ivr = Optional.empty();
  private Optional<MediaSession> media = Optional.empty();
  private Optional<String> sessionId = Optional.empty();
  private Optional<CardField> activeField = Optional.empty();
  private Optional<DigitCollector> collector = Optional.empty();
  private Optional<String> numberBrand = Optional.empty();
  private boolean secure;
  private boolean ended;
  private Optional<Boolean> listeningForAgentKeys = Optional.empty();

  Call(String callId, Optional<String> reference, CallRegistry registry, boolean ivrCall) {
    this.callId = callId;
    this.reference = reference;
    this.registry = registry;
    this.ivrCall = ivrCall;
  }

  /**
   * True when Tonewall answered the call itself (IVR): no agent leg; its events say {@code ivr}.
   */
  public boolean ivr() {
    return ivrCall;
  }

  /** Attaches the IVR dialogue of an IVR call. */
  public synchronized void attach(IvrControl control) {
    if (!ivrCall) {
      throw new IllegalStateException("call " + callId + " is not an IVR call");
    }
    this.ivr = Optional.of(control);
  }

  /**
   * Queues an announcement on the IVR call.
   *
   * @throws UnknownCallException when the call has ended, is not {@code session}'s or not IVR
   */
  public synchronized void announce(String session, IvrAnnouncement announcement)
      throws UnknownCallException {
    requireIvr(session).announce(announcement);
  }

  /**
   * Ends the IVR call once its queued prompts have played.
   *
   * @throws UnknownCallException when the call has ended, is not {@code session}'s or not IVR
   */
  public synchronized void endIvr(String session, IvrEnding ending) throws UnknownCallException {
    requireIvr(session).end(ending);
  }

  /**
   * Checks that this is a live IVR call of {@code session}, without changing anything.
   *
   * @throws UnknownCallException when it has ended, is not {@code session}'s or not IVR
   */
  public synchronized void checkIvr(String session) throws UnknownCallException {
    requireIvr(session);
  }

  private IvrControl requireIvr(String session) throws UnknownCallException {
    ensureSession(session);
    return ivr.orElseThrow(
        () -> new UnknownCallException("call " + callId + " is not an IVR call"));
  }

  /** The call's id: the SIP Call-ID of the caller's leg. */
  public String id() {
    return callId;
  }

  /** The value of the configured reference header on the caller's INVITE, if any. */
  public Optional<String> reference() {
    return reference;
  }

  /** Attaches the call's media, once allocated. */
  public synchronized void attach(MediaSession session) {
    this.media = Optional.of(session);
    listeningForAgentKeys = Optional.empty();
    refreshAgentKeyListening();
  }

  /**
   * Tells the media whether to listen for the agent's in-band keys: only while the call can be
   * paired — not linked to a session, not ended, and a pairing code outstanding. Told on changes
   * only.
   */
  synchronized void refreshAgentKeyListening() {
    boolean wanted = !ended && sessionId.isEmpty() && registry.pairingCodesMayBeOutstanding();
    if (media.isPresent() && !listeningForAgentKeys.equals(Optional.of(wanted))) {
      listeningForAgentKeys = Optional.of(wanted);
      media.get().listenForAgentKeys(wanted);
    }
  }

  public synchronized Optional<String> sessionId() {
    return sessionId;
  }

  public synchronized boolean secure() {
    return secure;
  }

  /** Links the call to {@code session} (pairing or reference), unless linked to another. */
  synchronized void link(String session) throws UnknownCallException {
    if (sessionId.isPresent() && !sessionId.get().equals(session)) {
      throw new UnknownCallException("call " + callId + " belongs to another payment session");
    }
    if (sessionId.isEmpty()) {
      sessionId = Optional.of(session);
      refreshAgentKeyListening();
      publish(TelephonyEventType.PAIRED);
    }
  }

  /** Switches the caller → agent direction to secure for {@code session}. */
  public synchronized void secureFor(String session) throws UnknownCallException {
    ensureLive();
    link(session);
    if (!secure) {
      secure = true;
      media.ifPresent(
          m -> {
            windowSessions.addLast(session);
            m.secure(true);
          });
      publish(TelephonyEventType.SECURE);
    }
  }

  /**
   * Undoes {@link #secureFor} when the transaction it ran in rolls back: secure mode off ({@code
   * BROKEN} with {@code ROLLED_BACK}), capture abandoned; the session stays linked.
   */
  public synchronized void rollBackSecure(String session) {
    if (!ended && sessionId.equals(Optional.of(session))) {
      broken(BreakReason.ROLLED_BACK);
    }
  }

  /** Leaves secure mode and unlinks the session, wiping what was captured and not taken. */
  public synchronized void releaseFor(String session) throws UnknownCallException {
    ensureSession(session);
    leaveSecure();
    wipeCapture();
    sessionId = Optional.empty();
    refreshAgentKeyListening();
  }

  /** Starts capturing {@code specification}'s field; a field being captured is abandoned. */
  public synchronized void requestField(String session, CardFieldSpecification specification)
      throws UnknownCallException, CallNotSecureException {
    ensureSession(session);
    if (!secure) {
      throw new CallNotSecureException("call " + callId + " is not secure: secure it first");
    }
    collector.ifPresent(DigitCollector::close);
    wipe(captured.remove(specification.field()));
    activeField = Optional.of(specification.field());
    CardField requested = specification.field();
    ivr.ifPresent(
        control -> control.fieldRequested(requested, Optional.ofNullable(retries.get(requested))));
    collector =
        Optional.of(
            DigitCollector.start(
                CaptureSpecification.of(
                    specification.minDigits(),
                    specification.maxDigits(),
                    specification.interDigitTimeout(),
                    specification.overallTimeout()),
                registry.clock()));
  }

  /** Wipes {@code field}; if it is being captured, capture starts over. */
  public synchronized void resetField(String session, CardField field) throws UnknownCallException {
    ensureSession(session);
    wipe(captured.remove(field));
    if (activeField.equals(Optional.of(field))) {
      collector.ifPresent(DigitCollector::reset);
      publishField(TelephonyEventType.FIELD_CLEARED, field, 0);
    }
  }

  /**
   * Hands a copy of the captured fields over as a card object. The call keeps its own copy for an
   * additional payment on the same card, or a processing attempt that was rolled back, until the
   * session releases the call, a field is requested or reset again, or the call ends.
   *
   * @throws CallNotSecureException when no valid card number was captured
   */
  public synchronized CapturedCard takeCard(String session)
      throws UnknownCallException, CallNotSecureException {
    ensureSession(session);
    if (!captured.containsKey(CardField.NUMBER)) {
      throw new CallNotSecureException("no valid card number captured on call " + callId);
    }
    Map<CardField, char[]> copy = new EnumMap<>(CardField.class);
    captured.forEach((field, digits) -> copy.put(field, Arrays.copyOf(digits, digits.length)));
    CapturedCard card = CapturedCard.of(copy, numberBrand.orElse("UNKNOWN"));
    handedOut.removeIf(CapturedCard::wiped);
    handedOut.add(card);
    return card;
  }

  /** Secure mode ends because of hold, transfer, lost media or hang-up. */
  public synchronized void broken(BreakReason reason) {
    if (secure) {
      leaveSecure();
      registry.publish(event(TelephonyEventType.BROKEN).reason(reason).build());
    }
  }

  /** The call is over: digits wiped, cards handed out and not used wiped, media closed. */
  synchronized void end() {
    if (ended) {
      return;
    }
    broken(BreakReason.HANG_UP);
    ended = true;
    wipeCapture();
    handedOut.forEach(CapturedCard::close);
    handedOut.clear();
    media.ifPresent(MediaSession::close);
    publish(TelephonyEventType.CALL_ENDED);
  }

  @Override
  public synchronized void callerKey(DtmfKey key) {
    if (!secure || collector.isEmpty() || activeField.isEmpty()) {
      return;
    }
    DigitCollector field = collector.get();
    int before = field.digitCount();
    CaptureState state = field.press(key);
    afterKey(field, before, state);
  }

  private void afterKey(DigitCollector field, int before, CaptureState state) {
    CardField name = activeField.orElseThrow();
    if (state == CaptureState.CLEARED && field.digitCount() == 0 && before > 0) {
      publishField(TelephonyEventType.FIELD_CLEARED, name, 0);
    } else if (field.digitCount() != before && !state.finished()) {
      publishField(TelephonyEventType.DIGIT_ENTERED, name, field.digitCount());
    }
    if (state == CaptureState.COMPLETE) {
      if (field.digitCount() != before) {
        publishField(TelephonyEventType.DIGIT_ENTERED, name, field.digitCount());
      }
      complete(name, field);
    } else if (state == CaptureState.TIMED_OUT) {
      retries.put(name, IvrControl.FieldRetry.NO_ENTRY);
      publishField(TelephonyEventType.FIELD_TIMED_OUT, name, field.digitCount());
      closeCollector();
    }
  }

  private void complete(CardField name, DigitCollector field) {
    char[] digits = field.handOverDigits();
    int count = digits.length;
    YearMonth today = YearMonth.now(registry.clock().withZone(ZoneOffset.UTC));
    CardFieldCheck.Verdict verdict = CardFieldCheck.check(name, digits, numberBrand, today);
    if (name == CardField.NUMBER) {
      numberBrand = verdict.brand();
    }
    if (verdict.valid()) {
      captured.put(name, digits);
      retries.remove(name);
    } else {
      wipe(digits);
      retries.put(name, IvrControl.FieldRetry.NOT_VALID);
    }
    closeCollector();
    registry.publish(
        event(TelephonyEventType.FIELD_COMPLETE)
            .field(name, count)
            .completed(verdict.valid(), verdict.brand(), verdict.lastFour())
            .build());
  }

  @Override
  public synchronized void agentKey(DtmfKey key) {
    if (sessionId.isPresent() || ended) {
      return;
    }
    agentKeys.append(key.symbol());
    if (agentKeys.length() > AGENT_KEYS_KEPT) {
      agentKeys.delete(0, agentKeys.length() - AGENT_KEYS_KEPT);
    }
    Optional<String> session = registry.pairingCodes().redeem(agentKeys);
    if (session.isPresent()) {
      agentKeys.setLength(0);
      sessionId = session;
      refreshAgentKeyListening();
      publish(TelephonyEventType.PAIRED);
    }
  }

  /** Logged once per silence (the relay reports it once); breaks secure mode. */
  @Override
  public synchronized void mediaTimedOut(Duration silence) {
    LOG.info(() -> "no media on call " + callId + " for " + silence.toSeconds() + " s");
    broken(BreakReason.MEDIA_TIMEOUT);
  }

  /**
   * The relay's leak sentinel found a suspicious frame in the current secure window: {@code
   * LEAK_SUSPECTED} to the session the window was opened for (even if released since), counted.
   */
  @Override
  public synchronized void leakSuspected(long suspiciousFrames, long framesExamined) {
    registry.countLeakSuspected();
    if (suspiciousFrames == 1) {
      LOG.warning(
          () ->
              "leak sentinel: a frame sent to the agent looked like DTMF on call "
                  + callId
                  + " (the first of this secure window; frame "
                  + framesExamined
                  + ")");
    }
    registry.publish(
        windowEvent(
                TelephonyEventType.LEAK_SUSPECTED, Optional.ofNullable(windowSessions.peekFirst()))
            .frames(suspiciousFrames, framesExamined)
            .build());
  }

  /**
   * The oldest open secure window closed: {@code SECURE_WINDOW_CLOSED} with the verdict to the
   * session it was opened for, even after the call ended.
   */
  @Override
  public synchronized void secureWindowClosed(long suspiciousFrames, long framesExamined) {
    registry.countSecureWindowClosed();
    if (suspiciousFrames > 0) {
      LOG.warning(
          () ->
              "leak sentinel: secure window on call "
                  + callId
                  + " closed with "
                  + suspiciousFrames
                  + " suspicious frames of "
                  + framesExamined);
    }
    registry.publish(
        windowEvent(
                TelephonyEventType.SECURE_WINDOW_CLOSED,
                Optional.ofNullable(windowSessions.pollFirst()))
            .frames(suspiciousFrames, framesExamined)
            .build());
  }

  /**
   * The IVR's REFER transferring the caller back ended: {@code TRANSFER_ENDED} with {@code outcome}
   * and the SIP status that decided it, to the session the call is linked to. Called once per REFER
   * by the SIP side, before the call ends.
   */
  public synchronized void transferEnded(TransferOutcome outcome, OptionalInt sipStatus) {
    registry.publish(event(TelephonyEventType.TRANSFER_ENDED).transfer(outcome, sipStatus).build());
  }

  /** Evaluates the capture timeouts; called by the relay's ticker. */
  synchronized void tick() {
    if (collector.isEmpty() || activeField.isEmpty()) {
      return;
    }
    DigitCollector field = collector.get();
    int before = field.digitCount();
    CaptureState state = field.checkTimeouts();
    if (state.finished()) {
      afterKey(field, before, state);
    }
  }

  private void leaveSecure() {
    if (secure) {
      secure = false;
      media.ifPresent(m -> m.secure(false));
      closeCollector();
    }
  }

  private void closeCollector() {
    collector.ifPresent(DigitCollector::close);
    collector = Optional.empty();
    activeField = Optional.empty();
  }

  private void wipeCapture() {
    closeCollector();
    captured.values().forEach(Call::wipe);
    captured.clear();
    numberBrand = Optional.empty();
  }

  private static void wipe(char[] digits) {
    if (digits != null) {
      Arrays.fill(digits, '\0');
    }
  }

  private void ensureLive() throws UnknownCallException {
    if (ended) {
      throw new UnknownCallException("call " + callId + " has ended");
    }
  }

  private void ensureSession(String session) throws UnknownCallException {
    ensureLive();
    if (!sessionId.equals(Optional.of(session))) {
      throw new UnknownCallException("call " + callId + " is not linked to this payment session");
    }
  }

  private TelephonyEvent.Builder event(TelephonyEventType type) {
    return TelephonyEvent.of(type, callId, registry.clock().instant())
        .session(sessionId)
        .ivr(ivrCall);
  }

  private TelephonyEvent.Builder windowEvent(TelephonyEventType type, Optional<String> session) {
    return TelephonyEvent.of(type, callId, registry.clock().instant())
        .session(session.or(() -> sessionId))
        .ivr(ivrCall);
  }

  private void publish(TelephonyEventType type) {
    registry.publish(event(type).build());
  }

  private void publishField(TelephonyEventType type, CardField field, int count) {
    registry.publish(event(type).field(field, count).build());
  }

  @Override
  public synchronized String toString() {
    return "Call["
        + callId
        + (ivrCall ? " ivr" : "")
        + (secure ? " secure" : "")
        + (ended ? " ended" : "")
        + "]";
  }
}
