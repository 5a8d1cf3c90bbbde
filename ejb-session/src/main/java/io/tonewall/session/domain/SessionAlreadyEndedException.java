package io.tonewall.session.domain;

import java.util.UUID;

/** An action was asked of a session that has already ended (cancelled, timed out, ended). */
public final class SessionAlreadyEndedException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public SessionAlreadyEndedException(UUID id, SessionStatus status) {
    super("payment session " + id + " has already ended with status " + status.publicName());
  }
}
