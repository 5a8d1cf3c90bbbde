package io.tonewall.telephony.api;

import jakarta.resource.ResourceException;

/** A card field was requested or taken while the call was not in secure mode or not complete. */
public final class CallNotSecureException extends ResourceException {

  private static final long serialVersionUID = 1L;

  public CallNotSecureException(String message) {
    super(message);
  }
}
