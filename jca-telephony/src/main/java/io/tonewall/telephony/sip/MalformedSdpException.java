package io.tonewall.telephony.sip;

/** A session description could not be read as SDP (RFC 4566); the request gets 400. */
public final class MalformedSdpException extends Exception {

  private static final long serialVersionUID = 1L;

  public MalformedSdpException(String message) {
    super(message);
  }
}
