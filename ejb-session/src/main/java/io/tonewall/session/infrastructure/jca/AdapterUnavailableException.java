package io.tonewall.session.infrastructure.jca;

import jakarta.ejb.ApplicationException;

/**
 * A resource adapter could not be reached or refused a call. An application exception, so that it
 * rolls the transaction back without discarding a stateful session bean it passes through.
 */
@ApplicationException(rollback = true)
public final class AdapterUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AdapterUnavailableException(String message) {
    super(message);
  }

  public AdapterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
