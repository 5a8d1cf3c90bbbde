package io.tonewall.telephony.sip;

/**
 * A session description offers no audio Tonewall can mask: no PCMU or PCMA over plain RTP. The
 * request gets 488 Not Acceptable Here.
 */
public final class UnacceptableMediaException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnacceptableMediaException(String message) {
    super(message);
  }
}
