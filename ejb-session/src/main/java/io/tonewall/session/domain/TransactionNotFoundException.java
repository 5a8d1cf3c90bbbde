package io.tonewall.session.domain;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/** No payment transaction has the given id. */
@ApplicationException(rollback = true)
public final class TransactionNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TransactionNotFoundException(UUID id) {
    super("no payment transaction " + id);
  }
}
