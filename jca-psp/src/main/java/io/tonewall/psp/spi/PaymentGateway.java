package io.tonewall.psp.spi;

import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.CaptureRequest;
import io.tonewall.psp.api.DeclineReason;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Operation;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PaymentStatus;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.api.RefundState;
import io.tonewall.psp.api.RefundStatus;
import io.tonewall.psp.api.StatusQueryFailedException;
import io.tonewall.psp.api.TokenPaymentRequest;
import io.tonewall.psp.api.TokenisationRequest;
import io.tonewall.psp.api.VoidRequest;
import io.tonewall.psp.provider.PspConfiguration;
import io.tonewall.psp.provider.PspProvider;
import jakarta.resource.ResourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;

/**
 * The heart of the adapter, one per resource adapter instance: validates each request against the
 * configurations and the {@link PaymentLedger} before any provider is called, sends it, and keeps
 * the transactional bookkeeping: branches by id, the {@link RecoveryLog}, what is voided on
 * rollback and sent after commit, and the resolution of in-doubt work by asking the provider. Each
 * payment's outcome is logged at FINE (the session's transaction row and audit trail hold it); what
 * needs an operator (failed recovery, unknown outcomes) at INFO or WARNING.
 */
final class PaymentGateway implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PaymentGateway.class.getName());

  private final PspConfigurations configurations;
  private final ProviderDirectory providers;
  private final PaymentLedger ledger;
  private final RecoveryLog log;
  private final PaymentJournal journal;
  private final Clock clock;
  private final Map<BranchId, TransactionBranch> branches = new ConcurrentHashMap<>();

  PaymentGateway(
      PspConfigurations configurations,
      ProviderDirectory providers,
      RecoveryLog log,
      PaymentJournal journal,
      Clock clock) {
    this.configurations = configurations;
    this.providers = providers;
    this.log = log;
    this.journal = journal;
    this.clock = clock;
    this.ledger = new PaymentLedger(clock, journal);
    branches.putAll(log.recovered());
  }

  PspConfigurations configurations() {
    return configurations;
  }

  // ---- requests --------------------------------------------------------------------------

  PaymentResult authorise(AuthorisationRequest request, Optional<TransactionBranch> branch)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(request.configuration());
    PspProvider provider = providers.provider(configuration);
    boolean captureNow = captureNow(request.kind(), configuration, branch);
    PaymentResult result =
        authorisation(
            configuration,
            request.idempotencyKey(),
            request.amount(),
            request.kind(),
            captureNow,
            branch,
            () ->
                provider.authorise(
                    request.idempotencyKey(), request.amount(), request.card(), captureNow));
    LOG.fine(
        () ->
            "authorise "
                + request.kind()
                + " "
                + request.amount()
                + " card "
                + request.card()
                + " via "
                + configuration.id()
                + ": "
                + describe(result));
    return result;
  }

  PaymentResult payWithToken(TokenPaymentRequest request, Optional<TransactionBranch> branch)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(request.configuration());
    PspProvider provider = providers.provider(configuration);
    boolean captureNow = captureNow(request.kind(), configuration, branch);
    PaymentResult result =
        authorisation(
            configuration,
            request.idempotencyKey(),
            request.amount(),
            request.kind(),
            captureNow,
            branch,
            () ->
                provider.payWithToken(
                    request.idempotencyKey(), request.amount(), request.token(), captureNow));
    LOG.fine(() -> "pay with token " + request.amount() + ": " + describe(result));
    return result;
  }

  PaymentResult tokenise(TokenisationRequest request) throws ResourceException {
    PspConfiguration configuration = configurations.require(request.configuration());
    PaymentResult result =
        providers
            .provider(configuration)
            .tokenise(
                request.idempotencyKey(),
                request.card(),
                request.currency(),
                request.customerReference());
    ledger.answered(result);
    LOG.info(() -> "tokenise card " + request.card() + ": " + describe(result));
    return result;
  }

  PaymentResult capture(CaptureRequest request, Optional<TransactionBranch> branch)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(request.configuration());
    Money amount =
        ledger.reserveCapture(configuration.id(), request.providerReference(), request.amount());
    TransactionBranch.DeferredRequest deferred =
        new TransactionBranch.DeferredRequest(
            configuration.id(),
            request.idempotencyKey(),
            Operation.CAPTURE,
            request.providerReference(),
            Optional.of(amount));
    return sendOrDefer(deferred, branch);
  }

  PaymentResult voidAuthorisation(VoidRequest request, Optional<TransactionBranch> branch)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(request.configuration());
    ledger.checkVoid(configuration.id(), request.providerReference());
    TransactionBranch.DeferredRequest deferred =
        new TransactionBranch.DeferredRequest(
            configuration.id(),
            request.idempotencyKey(),
            Operation.VOID,
            request.providerReference(),
            Optional.empty());
    return sendOrDefer(deferred, branch);
  }

  PaymentResult refund(RefundRequest request, Optional<TransactionBranch> branch)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(request.configuration());
    Money amount =
        ledger.reserveRefund(configuration.id(), request.providerReference(), request.amount());
    TransactionBranch.DeferredRequest deferred =
        new TransactionBranch.DeferredRequest(
            configuration.id(),
            request.idempotencyKey(),
            Operation.REFUND,
            request.providerReference(),
            Optional.of(amount));
    return sendOrDefer(deferred, branch);
  }

  PaymentStatus status(String configurationId, IdempotencyKey key) throws ResourceException {
    PspConfiguration configuration = configurations.require(configurationId);
    PspProvider provider = providers.provider(configuration);
    if (provider.answersStatusByKey()) {
      return learn(configuration, provider.status(key));
    }
    PaymentResult answer =
        ledger
            .answer(key)
            .orElseThrow(
                () ->
                    new StatusQueryFailedException(
                        "provider of '"
                            + configurationId
                            + "' offers no status query and this adapter has no answer for "
                            + key));
    return statusFromAnswer(answer);
  }

  PaymentStatus statusByReference(String configurationId, String reference)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(configurationId);
    PspProvider provider = providers.provider(configuration);
    if (provider.answersStatusByKey()) {
      return learn(configuration, provider.statusByReference(reference));
    }
    Optional<PaymentState> state = ledger.state(reference);
    if (state.isEmpty()) {
      throw new StatusQueryFailedException(
          "provider of '" + configurationId + "' offers no status query; reference unknown here");
    }
    return PaymentStatus.of(state.get(), reference, ledger.authorisedAmount(reference));
  }

  /**
   * Where a refund stands: asked of providers with a status query (Stripe, sandbox); for the others
   * (Adyen) read from the answer this adapter instance received when it sent the refund. Adyen
   * answers a refund {@code received} and settles it later by notification: an accepted refund
   * reads as {@code SUCCEEDED} — or as {@code PENDING} when the configuration receives
   * notifications ({@code notificationHmacKey}), whose {@code REFUND} / {@code REFUND_FAILED} then
   * settles it —, one not answered yet as {@code PENDING}, and one this instance has no answer for
   * (sent before a restart, or the answer forgotten) as {@code UNKNOWN}: not final, never a guess.
   */
  RefundStatus refundStatus(
      String configurationId, IdempotencyKey refundKey, String paymentReference)
      throws ResourceException {
    PspConfiguration configuration = configurations.require(configurationId);
    PspProvider provider = providers.provider(configuration);
    if (provider.answersStatusByKey()) {
      return provider.refundStatus(refundKey, paymentReference);
    }
    return ledger
        .answer(refundKey)
        .map(PaymentGateway::refundStatusFromAnswer)
        .map(status -> awaitingNotification(configuration, status))
        .orElseGet(
            () ->
                RefundStatus.unknown(
                    "provider of '"
                        + configurationId
                        + "' offers no refund query and this adapter has no answer for "
                        + refundKey
                        + " (sent before a restart, or not sent yet): check the provider's"
                        + " refund notifications or its customer area"));
  }

  PaymentResult reconcile(String configurationId, IdempotencyKey key) throws ResourceException {
    PspConfiguration configuration = configurations.require(configurationId);
    PaymentResult result = resolve(configuration, key);
    LOG.info(() -> "reconcile " + key + " via " + configurationId + ": " + describe(result));
    return result;
  }

  // ---- transactions ----------------------------------------------------------------------

  TransactionBranch begin(BranchId id) throws XAException {
    TransactionBranch branch = new TransactionBranch(id, false);
    if (branches.putIfAbsent(id, branch) != null) {
      throw xa(XAException.XAER_DUPID, "branch " + id + " already exists");
    }
    return branch;
  }

  TransactionBranch existing(BranchId id) throws XAException {
    TransactionBranch branch = branches.get(id);
    if (branch == null) {
      throw xa(XAException.XAER_NOTA, "no branch " + id);
    }
    return branch;
  }

  /** Phase one: the deferred requests are made durable; a branch without work is read-only. */
  int prepare(BranchId id) throws XAException {
    TransactionBranch branch = existing(id);
    if (branch.isRollbackOnly()) {
      rollback(id);
      throw xa(XAException.XA_RBROLLBACK, "branch " + id + " was marked rollback-only");
    }
    if (branch.isEmpty()) {
      branches.remove(id);
      return XAResource.XA_RDONLY;
    }
    logged(() -> log.prepared(branch));
    branch.markPrepared();
    return XAResource.XA_OK;
  }

  /** Phase two (or the one phase): sends the deferred requests. */
  void commit(BranchId id, boolean onePhase) throws XAException {
    TransactionBranch branch = existing(id);
    if (onePhase && branch.isRollbackOnly()) {
      rollback(id);
      throw xa(XAException.XA_RBROLLBACK, "branch " + id + " was marked rollback-only");
    }
    if (onePhase && !branch.requests().isEmpty() && !branch.isPrepared()) {
      logged(() -> log.prepared(branch));
      branch.markPrepared();
    }
    boolean allSettled = true;
    for (TransactionBranch.DeferredRequest request : branch.requests()) {
      if (branch.isDone(request.key())) {
        continue;
      }
      PaymentResult result = send(request);
      if (result.outcome() == Outcome.UNKNOWN) {
        allSettled = false;
        LOG.warning(() -> "after commit of " + id + ": " + describe(result) + "; will retry");
      } else {
        logged(() -> log.done(id, request.key(), result.outcome()));
        branch.done(request.key());
        if (!result.isApproved()) {
          LOG.warning(() -> "after commit of " + id + ": " + describe(result));
        }
      }
    }
    if (!allSettled) {
      throw xa(XAException.XA_RETRY, "a request after commit of " + id + " has no answer yet");
    }
    finish(id, "COMMITTED");
  }

  /** Voids (or refunds) what the branch authorised and drops its deferred requests. */
  void rollback(BranchId id) throws XAException {
    TransactionBranch branch = existing(id);
    boolean allSettled = true;
    for (TransactionBranch.Authorisation authorisation : branch.authorisations()) {
      allSettled &= compensate(branch, authorisation);
    }
    if (branch.releaseReservationsOnce()) {
      branch.requests().forEach(this::release);
    }
    if (!allSettled) {
      branch.markRollbackOnly();
      throw xa(XAException.XAER_RMFAIL, "a void for rolled-back branch " + id + " has no answer");
    }
    finish(id, "ROLLED_BACK");
  }

  /** Prepared branches waiting for the transaction manager's decision. */
  List<BranchId> inDoubt() {
    return branches.values().stream()
        .filter(TransactionBranch::isPrepared)
        .map(TransactionBranch::id)
        .toList();
  }

  /**
   * Presumed abort: branches of a previous run that never reached prepare, and branches whose
   * rollback could not finish, are rolled back (their authorisations voided after asking the
   * provider what happened). Returns how many are left.
   */
  int abortUnprepared() {
    int left = 0;
    for (TransactionBranch branch : List.copyOf(branches.values())) {
      if ((branch.recovered() || branch.isRollbackOnly()) && !branch.isPrepared()) {
        try {
          rollback(branch.id());
        } catch (XAException e) {
          left++;
          LOG.log(Level.WARNING, "presumed abort of " + branch.id() + " not finished", e);
        }
      }
    }
    return left;
  }

  void forget(BranchId id) throws XAException {
    existing(id);
    finish(id, "FORGOTTEN");
  }

  @Override
  public void close() throws IOException {
    try {
      log.close();
    } finally {
      journal.close();
    }
  }

  // ---- internals -------------------------------------------------------------------------

  private static boolean captureNow(
      AuthorisationKind kind, PspConfiguration configuration, Optional<TransactionBranch> branch) {
    return kind == AuthorisationKind.SALE
        && !(branch.isPresent() && configuration.captureOnCommit());
  }

  private PaymentResult authorisation(
      PspConfiguration configuration,
      IdempotencyKey key,
      Money amount,
      AuthorisationKind kind,
      boolean captureNow,
      Optional<TransactionBranch> branch,
      Supplier<PaymentResult> call)
      throws ResourceException {
    if (branch.isPresent()) {
      TransactionBranch.Authorisation sent =
          new TransactionBranch.Authorisation(
              configuration.id(), key, amount, captureNow, Optional.empty(), Optional.empty());
      try {
        log.sent(branch.get().id(), sent);
      } catch (UncheckedIOException e) {
        throw new ResourceException("recovery log write failed; authorisation not sent", e);
      }
      branch.get().sent(sent);
    }
    PaymentResult result = call.get();
    ledger.authorised(configuration.id(), result, amount, captureNow && result.isApproved());
    if (branch.isPresent()) {
      TransactionBranch open = branch.get();
      log.result(open.id(), key, result.outcome(), result.providerReference());
      open.answered(key, result.outcome(), result.providerReference());
      if (kind == AuthorisationKind.SALE && !captureNow && result.isApproved()) {
        String reference = result.providerReference().orElseThrow();
        ledger.reserveCapture(configuration.id(), reference, Optional.of(amount));
        open.defer(
            new TransactionBranch.DeferredRequest(
                configuration.id(),
                key.derived("capture"),
                Operation.CAPTURE,
                reference,
                Optional.of(amount)));
      }
    }
    return result;
  }

  private PaymentResult sendOrDefer(
      TransactionBranch.DeferredRequest request, Optional<TransactionBranch> branch) {
    if (branch.isPresent()) {
      branch.get().defer(request);
      LOG.fine(() -> request.operation() + " " + request.reference() + " scheduled after commit");
      return new PaymentResult(
          request.operation(),
          Outcome.SCHEDULED,
          Optional.empty(),
          request.key(),
          Optional.of(request.reference()),
          request.amount(),
          Optional.empty(),
          Optional.of("sent after the transaction commits"));
    }
    PaymentResult result = send(request);
    LOG.info(() -> request.operation() + " " + request.reference() + ": " + describe(result));
    return result;
  }

  /** Sends a capture, void or refund and settles its reservation in the ledger. */
  private PaymentResult send(TransactionBranch.DeferredRequest request) {
    PspProvider provider = providerOf(request.configuration());
    PaymentResult result;
    switch (request.operation()) {
      case CAPTURE:
        result = provider.capture(request.key(), request.reference(), request.amount().get());
        if (result.outcome() != Outcome.UNKNOWN) {
          ledger.captureSettled(request.reference(), request.amount().get(), result.isApproved());
        }
        break;
      case REFUND:
        result = provider.refund(request.key(), request.reference(), request.amount().get());
        if (result.outcome() != Outcome.UNKNOWN) {
          ledger.refundSettled(request.reference(), request.amount().get(), result.isApproved());
        }
        break;
      default:
        result = provider.cancel(request.key(), request.reference());
        ledger.voidSettled(request.reference(), result.isApproved());
    }
    ledger.answered(result);
    return result;
  }

  private void release(TransactionBranch.DeferredRequest request) {
    if (request.operation() == Operation.CAPTURE) {
      ledger.captureSettled(request.reference(), request.amount().get(), false);
    } else if (request.operation() == Operation.REFUND) {
      ledger.refundSettled(request.reference(), request.amount().get(), false);
    }
  }

  /** Undoes one authorisation of a rolled-back branch; true when settled. */
  private boolean compensate(
      TransactionBranch branch, TransactionBranch.Authorisation authorisation) {
    IdempotencyKey undoKey = authorisation.key().derived("undo");
    if (branch.isDone(undoKey)) {
      return true;
    }
    PspProvider provider = providerOf(authorisation.configuration());
    Optional<Outcome> outcome = authorisation.outcome();
    if (outcome.isPresent()
        && outcome.get() != Outcome.APPROVED
        && outcome.get() != Outcome.UNKNOWN) {
      return true;
    }
    PaymentResult result;
    if (outcome.filter(o -> o == Outcome.APPROVED).isPresent()
        && authorisation.reference().isPresent()) {
      result =
          undo(
              provider,
              undoKey,
              authorisation.reference().get(),
              authorisation.captured(),
              authorisation.amount());
    } else if (provider.answersStatusByKey()) {
      PaymentStatus status;
      try {
        status = provider.status(authorisation.key());
      } catch (StatusQueryFailedException e) {
        LOG.log(Level.WARNING, "cannot ask what became of " + authorisation.key(), e);
        return false;
      }
      if (status.state() == PaymentState.AUTHORISED || status.state() == PaymentState.CAPTURED) {
        result =
            undo(
                provider,
                undoKey,
                status.providerReference().orElseThrow(),
                status.state() == PaymentState.CAPTURED,
                authorisation.amount());
      } else if (status.state() == PaymentState.NOT_FOUND
          && tooEarlyToTell(provider, authorisation.key())) {
        LOG.info(() -> "cannot tell yet whether " + authorisation.key() + " went through");
        return false;
      } else {
        result =
            PaymentResult.unsettled(
                Operation.VOID, Outcome.FAILED, undoKey, "nothing to void: " + status.state());
      }
    } else {
      result = provider.cancelByOriginalKey(undoKey, authorisation.key());
    }
    if (result.outcome() == Outcome.UNKNOWN) {
      return false;
    }
    PaymentResult settled = result;
    LOG.info(
        () ->
            "rollback of "
                + branch.id()
                + " undid "
                + authorisation.key()
                + ": "
                + describe(settled));
    try {
      log.done(branch.id(), undoKey, settled.outcome());
    } catch (UncheckedIOException e) {
      LOG.log(Level.WARNING, "recovery log write failed; the void is repeated idempotently", e);
      return false;
    }
    branch.done(undoKey);
    return true;
  }

  private PaymentResult undo(
      PspProvider provider, IdempotencyKey key, String reference, boolean captured, Money amount) {
    if (captured) {
      PaymentResult refunded = provider.refund(key, reference, amount);
      ledger.refundSettled(reference, amount, refunded.isApproved());
      return refunded;
    }
    PaymentResult voided = provider.cancel(key, reference);
    ledger.voidSettled(reference, voided.isApproved());
    return voided;
  }

  private PaymentResult resolve(PspConfiguration configuration, IdempotencyKey key) {
    PspProvider provider = providers.provider(configuration);
    Optional<PaymentResult> known = ledger.answer(key).filter(a -> a.outcome() != Outcome.UNKNOWN);
    if (!provider.answersStatusByKey()) {
      if (known.isPresent()) {
        return known.get();
      }
      PaymentResult cancelled = provider.cancelByOriginalKey(key.derived("cancel"), key);
      return cancelled.isApproved()
          ? PaymentResult.unsettled(
              Operation.STATUS, Outcome.FAILED, key, "cancelled by merchant reference: not charged")
          : PaymentResult.unsettled(
              Operation.STATUS,
              Outcome.UNKNOWN,
              key,
              "cancel by merchant reference not confirmed; ask again later");
    }
    PaymentStatus status;
    try {
      status = learn(configuration, provider.status(key));
    } catch (StatusQueryFailedException e) {
      return PaymentResult.unsettled(
          Operation.STATUS,
          Outcome.UNKNOWN,
          key,
          "status query failed (" + e.getMessage() + "); ask again later");
    }
    switch (status.state()) {
      case AUTHORISED:
      case CAPTURED:
      case REFUNDED:
        PaymentResult approved =
            PaymentResult.approved(
                Operation.STATUS,
                key,
                status.providerReference().orElseThrow(),
                status.authorised());
        ledger.answered(approved);
        return approved;
      case DECLINED:
        return new PaymentResult(
            Operation.STATUS,
            Outcome.DECLINED,
            Optional.of(status.declineReason().orElse(DeclineReason.DO_NOT_HONOUR)),
            key,
            status.providerReference(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("declined"));
      case PENDING:
        return PaymentResult.unsettled(
            Operation.STATUS, Outcome.UNKNOWN, key, "provider still processing; ask again later");
      case NOT_FOUND:
        return tooEarlyToTell(provider, key)
            ? PaymentResult.unsettled(
                Operation.STATUS,
                Outcome.UNKNOWN,
                key,
                "provider may not list it yet; ask again after "
                    + provider.statusLag().toSeconds()
                    + " s")
            : PaymentResult.unsettled(
                Operation.STATUS, Outcome.FAILED, key, "provider reports NOT_FOUND: not charged");
      default:
        return PaymentResult.unsettled(
            Operation.STATUS,
            Outcome.FAILED,
            key,
            "provider reports " + status.state() + ": not charged");
    }
  }

  /** Whether a NOT_FOUND for this key may still be the provider's status lag. */
  private boolean tooEarlyToTell(PspProvider provider, IdempotencyKey key) {
    return ledger
        .answeredAt(key)
        .map(at -> Duration.between(at, clock.instant()).compareTo(provider.statusLag()) < 0)
        .orElse(false);
  }

  private PaymentStatus learn(PspConfiguration configuration, PaymentStatus status) {
    if (status.providerReference().isPresent() && status.authorised().isPresent()) {
      ledger.learned(
          configuration.id(),
          status.providerReference().get(),
          status.state(),
          status.authorised().get());
    }
    return status;
  }

  /**
   * An accepted refund of a configuration that receives Adyen's notifications is not final until
   * the notification says so: {@code PENDING}.
   */
  private static RefundStatus awaitingNotification(
      PspConfiguration configuration, RefundStatus status) {
    if (status.state() != RefundState.SUCCEEDED || configuration.notificationHmacKey().isEmpty()) {
      return status;
    }
    return new RefundStatus(
        RefundState.PENDING,
        status.refundReference(),
        status.amount(),
        Optional.of("accepted by the provider; final when its REFUND notification arrives"));
  }

  private static RefundStatus refundStatusFromAnswer(PaymentResult answer) {
    RefundState state =
        switch (answer.outcome()) {
          case APPROVED -> RefundState.SUCCEEDED;
          case DECLINED, FAILED -> RefundState.FAILED;
          default -> RefundState.PENDING;
        };
    return new RefundStatus(state, Optional.empty(), answer.amount(), answer.detail());
  }

  private static PaymentStatus statusFromAnswer(PaymentResult answer) {
    if (answer.outcome() == Outcome.DECLINED) {
      return new PaymentStatus(
          PaymentState.DECLINED,
          answer.providerReference(),
          Optional.empty(),
          answer.declineReason());
    }
    if (answer.isApproved() && answer.providerReference().isPresent()) {
      PaymentState state =
          answer.operation() == Operation.SALE || answer.operation() == Operation.CAPTURE
              ? PaymentState.CAPTURED
              : answer.operation() == Operation.VOID
                  ? PaymentState.VOIDED
                  : answer.operation() == Operation.REFUND
                      ? PaymentState.REFUNDED
                      : PaymentState.AUTHORISED;
      return PaymentStatus.of(state, answer.providerReference().get(), answer.amount());
    }
    return answer.outcome() == Outcome.UNKNOWN
        ? new PaymentStatus(
            PaymentState.PENDING, answer.providerReference(), Optional.empty(), Optional.empty())
        : PaymentStatus.notFound();
  }

  private PspProvider providerOf(String configurationId) {
    try {
      return providers.provider(configurations.require(configurationId));
    } catch (ResourceException e) {
      throw new IllegalStateException(
          "configuration '" + configurationId + "' of logged work is no longer defined", e);
    }
  }

  private void finish(BranchId id, String how) {
    log.ended(id, how);
    branches.remove(id);
  }

  /** Runs a log write on a transaction path; a failed write is a resource manager error. */
  private static void logged(Runnable write) throws XAException {
    try {
      write.run();
    } catch (UncheckedIOException e) {
      XAException failure = xa(XAException.XAER_RMERR, "recovery log write failed");
      failure.initCause(e);
      throw failure;
    }
  }

  private static XAException xa(int code, String message) {
    XAException e = new XAException(message);
    e.errorCode = code;
    return e;
  }

  private static String describe(PaymentResult result) {
    return result.operation()
        + " "
        + result.idempotencyKey()
        + " -> "
        + result.outcome()
        + result.declineReason().map(r -> " " + r).orElse("")
        + result.providerReference().map(r -> " ref " + r).orElse("")
        + result.detail().map(d -> " (" + d + ")").orElse("");
  }
}
