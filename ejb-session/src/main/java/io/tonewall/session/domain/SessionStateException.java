package io.tonewall.session.domain;

import jakarta.ejb.ApplicationException;

/**
 * A request that the session's current state does not allow (answered with 409 by the API). An
 * application exception: it rolls the transaction back but keeps the stateful bean alive.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class SessionStateException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  protected SessionStateException(String message) {
    super(message);
  }
}
