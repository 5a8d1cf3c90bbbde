package io.tonewall.session.domain;

import jakarta.ejb.ApplicationException;

/**
 * A value the payment domain cannot accept (answered with 400 by the API). The message names the
 * field and the rule, never card data. Rolls the transaction back, keeps the stateful bean alive.
 */
@ApplicationException(rollback = true, inherited = true)
public class InvalidSessionInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidSessionInputException(String message) {
    super(message);
  }
}
