package io.tonewall.session.domain;

import java.util.UUID;

/** Reconciliation of a transaction whose outcome is already known. */
public final class NothingToReconcileException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public NothingToReconcileException(UUID transactionId, Outcome outcome) {
    super("transaction " + transactionId + " is " + outcome + ": nothing to reconcile");
  }
}
