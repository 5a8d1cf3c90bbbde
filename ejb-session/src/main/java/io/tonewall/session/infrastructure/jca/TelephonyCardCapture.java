package io.tonewall.session.infrastructure.jca;

import io.tonewall.session.application.CallUnavailableException;
import io.tonewall.session.application.CaptureTarget;
import io.tonewall.session.application.CardCapture;
import io.tonewall.session.application.CardFieldSpec;
import io.tonewall.session.application.CardUse;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.telephony.api.CardFieldSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Card capture on the caller's keypad through the telephony adapter, for agent-assisted sessions:
 * the session's call is found by its reference (SIP Call-ID or reference header), secured, and its
 * card fields requested there; at processing time the card goes from the adapter to the PSP inside
 * one {@link TelephonyGateway#handOver} call.
 *
 * <p>IVR sessions are not served: the adapter relays calls to an agent as a B2BUA but does not yet
 * answer them itself (no prompts, no transfer with a link id), so an IVR session has no call to
 * capture on; its requests keep answering {@code CardCaptureUnavailableException}.
 */
@ApplicationScoped
public class TelephonyCardCapture implements CardCapture {

  /** The longest pause between two keys of a field. */
  static final Duration INTER_DIGIT_TIMEOUT = Duration.ofSeconds(10);

  @Inject private TelephonyGateway telephony;

  @Override
  public boolean serves(SessionMode mode) {
    return mode == SessionMode.AGENT_ASSIST;
  }

  @Override
  public Optional<String> allocatePairingCode(java.util.UUID sessionId) {
    return Optional.of(telephony.allocatePairingCode(sessionId));
  }

  @Override
  public Optional<String> secure(CaptureTarget target) {
    Optional<String> call =
        target
            .callReference()
            .flatMap(reference -> telephony.findCall(target.sessionId(), reference));
    call.ifPresent(callId -> telephony.secureCall(callId, target.sessionId()));
    return call;
  }

  @Override
  public void request(CaptureTarget target, CardFieldSpec spec) {
    telephony.requestField(liveCall(target), target.sessionId(), specification(spec));
  }

  @Override
  public void reset(CaptureTarget target, CardField field) {
    telephony.resetField(liveCall(target), target.sessionId(), telephonyField(field));
  }

  @Override
  public <T> T handOver(CaptureTarget target, CardUse<T> use) {
    return telephony.handOver(liveCall(target), target.sessionId(), use);
  }

  @Override
  public void discard(CaptureTarget target) {
    findCall(target).ifPresent(callId -> telephony.wipeFields(callId, target.sessionId()));
  }

  @Override
  public void release(CaptureTarget target) {
    findCall(target).ifPresent(callId -> telephony.releaseCall(callId, target.sessionId()));
  }

  /** The adapter's specification of a field: its length rules, {@code #}, the session's timeout. */
  static CardFieldSpecification specification(CardFieldSpec spec) {
    return new CardFieldSpecification(
        telephonyField(spec.field()),
        spec.field().minDigits(),
        spec.maxDigits(),
        spec.terminator(),
        INTER_DIGIT_TIMEOUT.compareTo(spec.timeout()) < 0 ? INTER_DIGIT_TIMEOUT : spec.timeout(),
        spec.timeout());
  }

  static io.tonewall.telephony.api.CardField telephonyField(CardField field) {
    return switch (field) {
      case NUMBER -> io.tonewall.telephony.api.CardField.NUMBER;
      case EXPIRY -> io.tonewall.telephony.api.CardField.EXPIRY;
      case SECURITY_CODE -> io.tonewall.telephony.api.CardField.SECURITY_CODE;
    };
  }

  private Optional<String> findCall(CaptureTarget target) {
    return target
        .callReference()
        .flatMap(reference -> telephony.findCall(target.sessionId(), reference));
  }

  private String liveCall(CaptureTarget target) {
    String reference =
        target
            .callReference()
            .orElseThrow(
                () -> new CallUnavailableException(target.sessionId(), "no call is linked yet"));
    return telephony
        .findCall(target.sessionId(), reference)
        .orElseThrow(
            () ->
                new CallUnavailableException(
                    target.sessionId(),
                    "the session's call has ended or is not anchored on this node"));
  }
}
