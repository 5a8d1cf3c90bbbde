package io.tonewall.session.infrastructure.jca;

import io.tonewall.session.application.CaptureTarget;
import io.tonewall.session.application.CardCapture;
import io.tonewall.session.application.CardFieldSpec;
import io.tonewall.session.application.CardUse;
import io.tonewall.session.application.IvrAnnouncement;
import io.tonewall.session.application.IvrCalls;
import io.tonewall.session.application.IvrLink;
import io.tonewall.session.domain.AfterIvr;
import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.SessionMode;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Card capture and IVR for IVR sessions, through the telephony adapter's IVR: the caller is
 * transferred to the adapter's IVR number with a link id, the IVR answers the call itself, and
 * asking for a card field on that call also plays the field's prompt. Field requests, resets and
 * the hand-over at processing time are those of agent-assisted calls ({@link
 * TelephonyCardCapture}).
 *
 * <p>Two differences: an IVR call is secure from the start (linking it asks nothing more of the
 * adapter), and letting go of it ({@link #release}) leaves the link in place — announcements and
 * the end of the call run when the transaction commits and need the call still linked to the
 * session; the adapter wipes the call's digits when the call ends, a few seconds later.
 */
@ApplicationScoped
public class IvrCardCapture implements CardCapture, IvrCalls {

  @Inject private TelephonyGateway telephony;

  @Inject private TelephonyCardCapture keypad;

  @Override
  public boolean serves(SessionMode mode) {
    return mode == SessionMode.IVR;
  }

  /** IVR sessions are linked by a link id, never by a pairing code. */
  @Override
  public Optional<String> allocatePairingCode(UUID sessionId) {
    return Optional.empty();
  }

  /** The IVR call with the target's reference, if live: it is already secure. */
  @Override
  public Optional<String> secure(CaptureTarget target) {
    return call(target);
  }

  @Override
  public void request(CaptureTarget target, CardFieldSpec spec) {
    keypad.request(target, spec);
  }

  @Override
  public void reset(CaptureTarget target, CardField field) {
    keypad.reset(target, field);
  }

  @Override
  public <T> T handOver(CaptureTarget target, CardUse<T> use) {
    return keypad.handOver(target, use);
  }

  @Override
  public void discard(CaptureTarget target) {
    keypad.discard(target);
  }

  /**
   * Nothing to ask of the adapter: the session has already announced its end and ended the call,
   * which runs after commit and needs the call still linked; the adapter wipes the call's digits
   * when it ends.
   */
  @Override
  public void release(CaptureTarget target) {
    // deliberately empty: see above
  }

  @Override
  public Set<String> languages() {
    return telephony.status().ivrLanguages();
  }

  /**
   * @throws AdapterUnavailableException when the adapter's IVR has no transfer number (not started)
   */
  @Override
  public IvrLink link(UUID sessionId, String language) {
    TelephonyStatus status = telephony.status();
    if (status.ivrTransferNumber().isBlank()) {
      throw new AdapterUnavailableException(
          "the telephony adapter's IVR has no transfer number: it is not listening");
    }
    return new IvrLink(status.ivrTransferNumber(), telephony.allocateLinkId(sessionId, language));
  }

  @Override
  public boolean announce(CaptureTarget target, IvrAnnouncement announcement) {
    return call(target)
        .map(
            callId ->
                telephony.announce(
                    callId,
                    target.sessionId(),
                    io.tonewall.telephony.api.IvrAnnouncement.valueOf(announcement.name())))
        .orElse(false);
  }

  @Override
  public boolean endCall(CaptureTarget target, AfterIvr ending) {
    return call(target)
        .map(callId -> telephony.endIvrCall(callId, target.sessionId(), ending(ending)))
        .orElse(false);
  }

  static IvrEnding ending(AfterIvr ending) {
    return switch (ending) {
      case HANG_UP -> IvrEnding.HANG_UP;
      case TRANSFER_BACK -> IvrEnding.TRANSFER_BACK;
    };
  }

  private Optional<String> call(CaptureTarget target) {
    return target
        .callReference()
        .flatMap(reference -> telephony.findCall(target.sessionId(), reference));
  }
}
