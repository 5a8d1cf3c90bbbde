package io.tonewall.session.application;

import io.tonewall.session.domain.CardField;
import io.tonewall.session.domain.SessionMode;
import java.util.Optional;
import java.util.UUID;

/**
 * The port through which a session links the channel its payer keys the card on — the call, for the
 * telephony adapter — and captures card fields there without the digits ever reaching the session.
 * Implementations are CDI beans; the session picks the one that {@link #serves} its mode. Without
 * one, field requests and processing answer {@link CardCaptureUnavailableException}.
 *
 * <p>Progress flows back to the session as events (counts and masked facts only), recorded through
 * {@code PaymentSessions.recordProgress}. Every method runs inside the caller's JTA transaction.
 *
 * <p>Refusals: {@link CallUnavailableException} when the session has no live, secure call the
 * request can go to; {@code AdapterUnavailableException} when the adapter cannot be reached.
 */
public interface CardCapture {

  /** True when this capture serves sessions of this mode. */
  boolean serves(SessionMode mode);

  /**
   * A new pairing code for the session, to show to the agent; empty when this capture links its
   * channel otherwise.
   */
  Optional<String> allocatePairingCode(UUID sessionId);

  /**
   * Links the target's call to the session and masks the caller's keys from the agent; in a
   * transaction that rolls back, masking is switched off again.
   *
   * @return the call's id, when a live call has the target's reference; empty when none has (yet)
   */
  Optional<String> secure(CaptureTarget target);

  /** Starts (or restarts, clearing it) the capture of one field. */
  void request(CaptureTarget target, CardFieldSpec spec);

  /** Clears a field's digits; if it is being captured, capture starts over. */
  void reset(CaptureTarget target, CardField field);

  /**
   * Takes the captured card, hands it to {@code use} (one PSP request) and wipes it afterwards,
   * whatever happens — all within this one call, so that the card never crosses a serialisation
   * boundary. The capture no longer holds the digits afterwards.
   *
   * @throws CallUnavailableException when the call has no captured card (it ended, or the card was
   *     already used)
   */
  <T> T handOver(CaptureTarget target, CardUse<T> use);

  /**
   * Wipes everything captured for the session; the call stays linked (another card follows, or
   * secure mode was lost). Nothing to do when the call has gone.
   */
  void discard(CaptureTarget target);

  /**
   * Lets go of the call: masking off, captured digits wiped, call unlinked (the session ended).
   * Nothing to do when the call has gone.
   */
  void release(CaptureTarget target);
}
