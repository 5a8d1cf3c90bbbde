package io.tonewall.telephony.api;

import jakarta.resource.ResourceException;

/** No live call has the given id, or it is linked to another payment session. */
public final class UnknownCallException extends ResourceException {

  private static final long serialVersionUID = 1L;

  public UnknownCallException(String message) {
    super(message);
  }
}
