package io.tonewall.session.domain;

import jakarta.ejb.ApplicationException;

/**
 * The PSP adapter refused a payment before sending anything (unknown configuration, currency it
 * cannot take, amount it cannot capture or refund). Nothing was charged; the transaction rolls back
 * and the session stays where it was.
 */
@ApplicationException(rollback = true)
public final class PaymentRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
