package io.tonewall.web.api.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;

/**
 * The JTA transaction of a request answered in one transaction ({@link AnsweredInOneTransaction}):
 * begun on the request thread by the request filter, ended on the same thread by the response
 * filter.
 */
@ApplicationScoped
class RequestTransaction {

  @Inject private UserTransaction transaction;

  /** For CDI. */
  RequestTransaction() {}

  RequestTransaction(UserTransaction transaction) {
    this.transaction = transaction;
  }

  /** Begins the request's transaction. */
  void begin() {
    try {
      transaction.begin();
    } catch (NotSupportedException | SystemException e) {
      throw new IllegalStateException("cannot begin the request's transaction", e);
    }
  }

  /** True while the transaction can still commit (not marked for rollback). */
  boolean canCommit() {
    try {
      return transaction.getStatus() == Status.STATUS_ACTIVE;
    } catch (SystemException e) {
      throw new IllegalStateException("cannot read the request's transaction status", e);
    }
  }

  /**
   * Commits.
   *
   * @return false when the transaction rolled back instead (nothing of it is stored)
   */
  boolean commit() {
    try {
      transaction.commit();
      return true;
    } catch (RollbackException | HeuristicRollbackException e) {
      return false;
    } catch (HeuristicMixedException | SystemException e) {
      throw new IllegalStateException("the request's transaction did not complete cleanly", e);
    }
  }

  /** Rolls back, whatever was done in the transaction. */
  void rollback() {
    try {
      transaction.rollback();
    } catch (SystemException e) {
      throw new IllegalStateException("cannot roll back the request's transaction", e);
    }
  }
}
