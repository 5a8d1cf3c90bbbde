package io.tonewall.telephony.spi.outbound;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The XA resource of one managed connection: the telephony adapter's part of a JTA transaction.
 * Changes made through the connection while it is enlisted (secure mode switched on) register an
 * undo; rollback runs the undos newest first, commit forgets them. What cannot be undone (an IVR
 * announcement, the end of an IVR call) is held back until commit and dropped on rollback. Nothing
 * is durable, so there is nothing to recover after a crash: a call's secure mode does not outlive
 * the process anyway.
 */
final class SecureModeTransaction implements XAResource {

  private final Map<Xid, Deque<Runnable>> undos = new ConcurrentHashMap<>();
  private final Map<Xid, Deque<Runnable>> onCommit = new ConcurrentHashMap<>();
  private volatile Optional<Xid> current = Optional.empty();
  private int timeoutSeconds;

  /** Registers how to undo a change made in the current transaction; no-op outside one. */
  void onRollback(Runnable undo) {
    current.ifPresent(xid -> undos.computeIfAbsent(xid, x -> new ArrayDeque<>()).push(undo));
  }

  /**
   * Runs {@code action} when the current transaction commits (in the order registered), or at once
   * outside a transaction; on rollback it never runs.
   */
  void afterCommit(Runnable action) {
    Optional<Xid> xid = current;
    if (xid.isPresent()) {
      onCommit.computeIfAbsent(xid.get(), x -> new ArrayDeque<>()).addLast(action);
    } else {
      action.run();
    }
  }

  /** True while the connection is enlisted in a transaction. */
  boolean enlisted() {
    return current.isPresent();
  }

  /** Called by the transaction manager when the connection joins or resumes {@code xid}. */
  @Override
  public void start(Xid xid, int flags) {
    current = Optional.of(xid);
  }

  /** Called by the transaction manager when the connection leaves or suspends {@code xid}. */
  @Override
  public void end(Xid xid, int flags) {
    current = Optional.empty();
  }

  /** Nothing can fail at commit: read-only when nothing was changed. */
  @Override
  public int prepare(Xid xid) {
    return undos.containsKey(xid) || onCommit.containsKey(xid) ? XA_OK : XA_RDONLY;
  }

  @Override
  public void commit(Xid xid, boolean onePhase) {
    undos.remove(xid);
    Deque<Runnable> actions = onCommit.remove(xid);
    if (actions != null) {
      actions.forEach(Runnable::run);
    }
  }

  @Override
  public void rollback(Xid xid) throws XAException {
    onCommit.remove(xid);
    Deque<Runnable> pending = undos.remove(xid);
    if (pending == null) {
      return;
    }
    RuntimeException failure = null;
    for (Runnable undo : pending) {
      try {
        undo.run();
      } catch (RuntimeException e) {
        failure = e;
      }
    }
    if (failure != null) {
      XAException error = new XAException(XAException.XAER_RMERR);
      error.initCause(failure);
      throw error;
    }
  }

  @Override
  public void forget(Xid xid) {
    undos.remove(xid);
    onCommit.remove(xid);
  }

  @Override
  public Xid[] recover(int flag) {
    return new Xid[0];
  }

  @Override
  public boolean isSameRM(XAResource other) {
    return other == this;
  }

  @Override
  public int getTransactionTimeout() {
    return timeoutSeconds;
  }

  @Override
  public boolean setTransactionTimeout(int seconds) {
    this.timeoutSeconds = seconds;
    return true;
  }
}
