package io.tonewall.telephony.ivr;

import java.net.URI;

/**
 * The SIP side of an IVR call, as the dialogue uses it to end the call. Implementations send the
 * request and return; the call ends (media closed, {@code CALL_ENDED}) when SIP is done.
 */
public interface IvrSignalling {

  /** Sends BYE and ends the call. */
  void hangUp();

  /** Sends REFER with Refer-To {@code target}; BYE follows once it is reported or fails. */
  void transfer(URI target);
}
