package io.tonewall.psp.spi;

import java.util.List;
import java.util.Optional;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The adapter's {@link XAResource}: one per managed connection (tracking which branch the
 * connection works for between {@code start} and {@code end}), plus one without a connection that
 * the resource adapter hands the transaction manager for recovery. All of them share the {@link
 * PaymentGateway}'s branches, so any of them may finish a branch another one started. Called by the
 * transaction manager only.
 */
final class PspXAResource implements XAResource {
  private final PaymentGateway gateway;
  private volatile Optional<TransactionBranch> current = Optional.empty();
  private volatile int timeoutSeconds;

  PspXAResource(PaymentGateway gateway) {
    this.gateway = gateway;
  }

  /** The branch the connection is working for, if it is between start and end. */
  Optional<TransactionBranch> currentBranch() {
    return current;
  }

  /** Called by the transaction manager when the connection joins or resumes a branch. */
  @Override
  public void start(Xid xid, int flags) throws XAException {
    BranchId id = BranchId.of(xid);
    if (current.isPresent()) {
      throw xa(XAException.XAER_PROTO, "connection already works for " + current.get().id());
    }
    if ((flags & (TMJOIN | TMRESUME)) != 0) {
      current = Optional.of(gateway.existing(id));
    } else if (flags == TMNOFLAGS) {
      current = Optional.of(gateway.begin(id));
    } else {
      throw xa(XAException.XAER_INVAL, "unsupported start flags " + flags);
    }
  }

  /** Called by the transaction manager when the connection's work for the branch ends. */
  @Override
  public void end(Xid xid, int flags) throws XAException {
    BranchId id = BranchId.of(xid);
    TransactionBranch branch =
        current
            .filter(b -> b.id().equals(id))
            .orElseThrow(() -> xa(XAException.XAER_PROTO, "connection does not work for " + id));
    if ((flags & TMFAIL) != 0) {
      branch.markRollbackOnly();
    }
    current = Optional.empty();
  }

  /** Called by the transaction manager in phase one. */
  @Override
  public int prepare(Xid xid) throws XAException {
    return gateway.prepare(BranchId.of(xid));
  }

  /** Called by the transaction manager in phase two, or once with {@code onePhase}. */
  @Override
  public void commit(Xid xid, boolean onePhase) throws XAException {
    gateway.commit(BranchId.of(xid), onePhase);
  }

  /** Called by the transaction manager to roll back. */
  @Override
  public void rollback(Xid xid) throws XAException {
    gateway.rollback(BranchId.of(xid));
  }

  /**
   * Called by the transaction manager during recovery. At the start of a scan, branches a previous
   * run left before prepare are rolled back (presumed abort, asking the provider what happened);
   * the answer lists the prepared branches awaiting a decision.
   */
  @Override
  public Xid[] recover(int flag) throws XAException {
    if ((flag & TMSTARTRSCAN) != 0) {
      gateway.abortUnprepared();
      List<BranchId> inDoubt = gateway.inDoubt();
      return inDoubt.toArray(new Xid[0]);
    }
    return new Xid[0];
  }

  /** Called by the transaction manager to drop a heuristically completed branch. */
  @Override
  public void forget(Xid xid) throws XAException {
    gateway.forget(BranchId.of(xid));
  }

  /** Called by the transaction manager to see whether two resources share branches. */
  @Override
  public boolean isSameRM(XAResource other) {
    return other instanceof PspXAResource resource && resource.gateway == gateway;
  }

  @Override
  public int getTransactionTimeout() {
    return timeoutSeconds;
  }

  @Override
  public boolean setTransactionTimeout(int seconds) {
    timeoutSeconds = seconds;
    return true;
  }

  /** Forgets the association, for a destroyed connection. */
  void dissociate() {
    current = Optional.empty();
  }

  private static XAException xa(int code, String message) {
    XAException e = new XAException(message);
    e.errorCode = code;
    return e;
  }
}
