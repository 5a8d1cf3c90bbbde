package io.tonewall.session.application;

import io.tonewall.session.domain.AfterIvr;
import java.util.Set;
import java.util.UUID;

/**
 * The port through which an IVR session reaches the IVR that answers its caller: a link for the
 * transfer, prompts of the outcome, and the end of the call. The card fields themselves are
 * captured through the {@link CardCapture} that serves {@code IVR} (asking for a field on an IVR
 * call also plays its prompt). Implemented by the telephony adapter's gateway; every method runs
 * inside the caller's JTA transaction.
 */
public interface IvrCalls {

  /** The languages the IVR has a full set of prompts in. */
  Set<String> languages();

  /**
   * A new link for the session: where to transfer the caller and the id that joins the call to the
   * session (a newer link replaces the older one).
   *
   * @throws io.tonewall.session.domain.InvalidSessionInputException when the IVR has no prompts in
   *     the language
   */
  IvrLink link(UUID sessionId, String language);

  /**
   * Queues an announcement on the target's call.
   *
   * @return false when the call has ended (or is no longer the session's): nobody to tell
   */
  boolean announce(CaptureTarget target, IvrAnnouncement announcement);

  /**
   * Ends the IVR call once its queued prompts have played: hangs up, or transfers the caller back.
   *
   * @return false when the call has ended already
   */
  boolean endCall(CaptureTarget target, AfterIvr ending);
}
