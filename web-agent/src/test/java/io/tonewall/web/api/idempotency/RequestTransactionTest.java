package io.tonewall.web.api.idempotency;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTransactionTest {

  @Test
  void commitsAnActiveTransaction() {
    RecordingTransaction jta = new RecordingTransaction();
    RequestTransaction transaction = new RequestTransaction(jta);

    transaction.begin();

    assertThat(transaction.canCommit(), is(true));
    assertThat(transaction.commit(), is(true));
    assertThat(jta.calls, is(List.of("begin", "commit")));
  }

  @Test
  void cannotCommit_onceMarkedForRollback() {
    RecordingTransaction jta = new RecordingTransaction();
    RequestTransaction transaction = new RequestTransaction(jta);
    transaction.begin();

    jta.setRollbackOnly();

    assertThat(transaction.canCommit(), is(false));
    transaction.rollback();
    assertThat(jta.calls, is(List.of("begin", "rollback")));
  }

  @Test
  void saysSo_whenTheCommitRolledBack() {
    RecordingTransaction jta = new RecordingTransaction();
    jta.commitFailure = new RollbackException("flush failed");
    RequestTransaction transaction = new RequestTransaction(jta);
    transaction.begin();

    assertThat(transaction.commit(), is(false));
  }

  @Test
  void throws_onAMixedOutcome() {
    RecordingTransaction jta = new RecordingTransaction();
    jta.commitFailure = new HeuristicMixedException("one branch committed");
    RequestTransaction transaction = new RequestTransaction(jta);
    transaction.begin();

    assertThrows(IllegalStateException.class, transaction::commit);
  }

  /** A UserTransaction that records what it was asked and fails its commit when told to. */
  private static final class RecordingTransaction implements UserTransaction {

    private final List<String> calls = new ArrayList<>();
    private int status = Status.STATUS_NO_TRANSACTION;
    private Exception commitFailure;

    @Override
    public void begin() {
      calls.add("begin");
      status = Status.STATUS_ACTIVE;
    }

    @Override
    public void commit() throws RollbackException, HeuristicMixedException, SystemException {
      calls.add("commit");
      status = Status.STATUS_NO_TRANSACTION;
      if (commitFailure instanceof RollbackException rollback) {
        throw rollback;
      }
      if (commitFailure instanceof HeuristicMixedException mixed) {
        throw mixed;
      }
    }

    @Override
    public void rollback() {
      calls.add("rollback");
      status = Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
      status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setTransactionTimeout(int seconds) {
      calls.add("timeout " + seconds);
    }
  }
}
