package io.tonewall.session.domain;

import java.util.UUID;

/** A refund's settlement that cannot be recorded: not a refund, not SCHEDULED, or not final. */
public final class RefundNotSettledException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public RefundNotSettledException(UUID transactionId, String why) {
    super("refund " + transactionId + " cannot be settled: " + why);
  }
}
