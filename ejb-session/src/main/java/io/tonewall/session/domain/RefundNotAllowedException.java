package io.tonewall.session.domain;

import java.util.UUID;

/** A refund of a transaction that is not an approved, captured charge. */
public final class RefundNotAllowedException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public RefundNotAllowedException(UUID transactionId, String why) {
    super("transaction " + transactionId + " cannot be refunded: " + why);
  }
}
