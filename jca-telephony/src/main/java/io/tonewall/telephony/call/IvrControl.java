package io.tonewall.telephony.call;

import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import java.util.Optional;

/**
 * The IVR side of a call Tonewall answered itself: what {@link Call} asks of it when the session
 * drives the call. Implementations must not call back into the {@link Call} while it holds its
 * lock: they only queue prompts and endings.
 */
public interface IvrControl {

  /**
   * A field was requested: play its prompt, after "not valid" or "no entry" when the same field's
   * last attempt was invalid or timed out.
   */
  void fieldRequested(CardField field, Optional<FieldRetry> retry);

  /** Queues an announcement (not cut short by keys). */
  void announce(IvrAnnouncement announcement);

  /** Ends the call once the queued prompts have played. */
  void end(IvrEnding ending);

  /** Why a field is requested again. */
  enum FieldRetry {
    /** The last attempt completed but was not valid. */
    NOT_VALID,
    /** The last attempt timed out before enough digits were keyed. */
    NO_ENTRY
  }
}
