package io.tonewall.session.application;

import io.tonewall.session.domain.SessionStateException;
import java.util.UUID;

/**
 * The session's call cannot serve the request: no call is linked, the call has ended, it is no
 * longer secure, or it holds no captured card (answered with 409 by the API). Nothing changes.
 */
public final class CallUnavailableException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public CallUnavailableException(UUID sessionId, String why) {
    super("payment session " + sessionId + ": " + why);
  }
}
