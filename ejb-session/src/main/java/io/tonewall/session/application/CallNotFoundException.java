package io.tonewall.session.application;

import jakarta.ejb.ApplicationException;

/**
 * No session of the calling API client is, or was, on the call: to that client the call does not
 * exist (404, as for another client's session). The message never holds the reference sent.
 */
@ApplicationException(rollback = true)
public final class CallNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallNotFoundException() {
    super("no session of the calling client is on a call with this reference");
  }
}
