package io.tonewall.session.domain;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/** No payment session has the given id. */
@ApplicationException(rollback = true)
public final class SessionNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SessionNotFoundException(UUID id) {
    super("no payment session " + id);
  }
}
