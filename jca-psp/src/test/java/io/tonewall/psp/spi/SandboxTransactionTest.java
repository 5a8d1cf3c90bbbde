package io.tonewall.psp.spi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayWithSize;
import static org.hamcrest.Matchers.emptyArray;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.psp.api.AuthorisationKind;
import io.tonewall.psp.api.AuthorisationRequest;
import io.tonewall.psp.api.IdempotencyKey;
import io.tonewall.psp.api.Money;
import io.tonewall.psp.api.Outcome;
import io.tonewall.psp.api.PaymentCard;
import io.tonewall.psp.api.PaymentResult;
import io.tonewall.psp.api.PaymentState;
import io.tonewall.psp.api.PspConnection;
import io.tonewall.psp.api.RefundRequest;
import io.tonewall.psp.provider.sandbox.SandboxTestCard;
import io.tonewall.psp.testing.TestCards;
import io.tonewall.psp.testing.TestXid;
import jakarta.resource.ResourceException;
import java.nio.file.Path;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the XAResource as a transaction manager would, against the sandbox. */
class SandboxTransactionTest {
  private static final Money TEN_POUNDS = Money.of(1000, "GBP");
  private static final Xid XID = new TestXid("tx-1", "b-1");

  @TempDir Path logs;
  private TestAdapter adapter;
  private PspManagedConnection managed;
  private XAResource xa;
  private PspConnection connection;
  private PspConnection outside;

  @BeforeEach
  void start() throws ResourceException {
    adapter = TestAdapter.start(logs);
    managed = adapter.managed();
    xa = managed.getXAResource();
    connection = (PspConnection) managed.getConnection(null, null);
    outside = adapter.connection();
  }

  @AfterEach
  void stop() {
    managed.destroy();
    adapter.close();
  }

  private PaymentResult authorise(String key, String pan, AuthorisationKind kind)
      throws ResourceException {
    try (PaymentCard card = TestCards.card(pan)) {
      return connection.authorise(
          new AuthorisationRequest("sandbox", IdempotencyKey.of(key), TEN_POUNDS, card, kind));
    }
  }

  private PaymentState state(String reference) throws ResourceException {
    return outside.statusByReference("sandbox", reference).state();
  }

  @Test
  void voidsTheAuthorisation_whenTheTransactionRollsBack() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    String reference =
        authorise("sale-1", "4242424242424242", AuthorisationKind.SALE)
            .providerReference()
            .orElseThrow();
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.rollback(XID);

    // then
    assertThat(state(reference), is(PaymentState.VOIDED));
  }

  @Test
  void capturesTheSaleOnlyAfterCommit() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    String reference =
        authorise("sale-1", "4242424242424242", AuthorisationKind.SALE)
            .providerReference()
            .orElseThrow();
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    int vote = xa.prepare(XID);
    PaymentState afterPrepare = state(reference);
    xa.commit(XID, false);

    // then
    assertThat(vote, is(XAResource.XA_OK));
    assertThat(afterPrepare, is(PaymentState.AUTHORISED));
    assertThat(state(reference), is(PaymentState.CAPTURED));
  }

  @Test
  void leavesAPreAuthorisationUncaptured_whenCommitted() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    String reference =
        authorise("pre-1", "4242424242424242", AuthorisationKind.PRE_AUTHORISATION)
            .providerReference()
            .orElseThrow();
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.commit(XID, true);

    // then
    assertThat(state(reference), is(PaymentState.AUTHORISED));
  }

  @Test
  void sendsARefundOnlyAfterCommit() throws Exception {
    // given
    String reference =
        authorise("sale-0", "4242424242424242", AuthorisationKind.SALE)
            .providerReference()
            .orElseThrow();
    xa.start(XID, XAResource.TMNOFLAGS);
    PaymentResult scheduled =
        connection.refund(RefundRequest.full("sandbox", IdempotencyKey.of("refund-1"), reference));
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.prepare(XID);
    PaymentState afterPrepare = state(reference);
    xa.commit(XID, false);

    // then
    assertThat(scheduled.outcome(), is(Outcome.SCHEDULED));
    assertThat(afterPrepare, is(PaymentState.CAPTURED));
    assertThat(state(reference), is(PaymentState.REFUNDED));
  }

  @Test
  void neverSendsTheRefund_whenTheTransactionRollsBack() throws Exception {
    // given
    String reference =
        authorise("sale-0", "4242424242424242", AuthorisationKind.SALE)
            .providerReference()
            .orElseThrow();
    xa.start(XID, XAResource.TMNOFLAGS);
    connection.refund(RefundRequest.full("sandbox", IdempotencyKey.of("refund-1"), reference));
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.prepare(XID);
    xa.rollback(XID);

    // then
    assertThat(state(reference), is(PaymentState.CAPTURED));
    assertThat(
        outside
            .refund(RefundRequest.full("sandbox", IdempotencyKey.of("refund-2"), reference))
            .amount()
            .orElseThrow(),
        is(TEN_POUNDS));
  }

  @Test
  void votesReadOnly_whenTheBranchDidNothing() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    int vote = xa.prepare(XID);

    // then
    assertThat(vote, is(XAResource.XA_RDONLY));
  }

  @Test
  void needsNoVoid_whenTheAuthorisationWasDeclined() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    PaymentResult declined =
        authorise("d-1", SandboxTestCard.INSUFFICIENT_FUNDS.number(), AuthorisationKind.SALE);
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.rollback(XID);

    // then
    assertThat(declined.outcome(), is(Outcome.DECLINED));
    assertThat(xa.recover(XAResource.TMSTARTRSCAN), emptyArray());
  }

  @Test
  void voidsAnUnknownAuthorisationAfterAskingTheAcquirer_whenRolledBack() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    PaymentResult unknown =
        authorise(
            "u-1", SandboxTestCard.TIMEOUT_AFTER_AUTHORISING.number(), AuthorisationKind.SALE);
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.rollback(XID);

    // then
    assertThat(unknown.outcome(), is(Outcome.UNKNOWN));
    assertThat(
        outside.status("sandbox", IdempotencyKey.of("u-1")).state(), is(PaymentState.VOIDED));
  }

  @Test
  void rollsBackAtPrepare_whenWorkEndedWithFailure() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    String reference =
        authorise("sale-1", "4242424242424242", AuthorisationKind.SALE)
            .providerReference()
            .orElseThrow();
    xa.end(XID, XAResource.TMFAIL);

    // when
    XAException e = assertThrows(XAException.class, () -> xa.prepare(XID));

    // then
    assertThat(e.errorCode, is(XAException.XA_RBROLLBACK));
    assertThat(state(reference), is(PaymentState.VOIDED));
  }

  @Test
  void listsPreparedBranches_forRecovery() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    authorise("sale-1", "4242424242424242", AuthorisationKind.SALE);
    xa.end(XID, XAResource.TMSUCCESS);
    xa.prepare(XID);

    // when
    Xid[] inDoubt = xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);

    // then
    assertThat(inDoubt, arrayWithSize(1));
    assertThat(BranchId.of(inDoubt[0]), is(BranchId.of(XID)));
  }

  @Test
  void sharesBranchesBetweenConnectionsOfTheAdapter() throws Exception {
    // given
    PspManagedConnection other = adapter.managed();
    XAResource otherXa = other.getXAResource();
    xa.start(XID, XAResource.TMNOFLAGS);
    xa.end(XID, XAResource.TMSUCCESS);
    otherXa.start(XID, XAResource.TMJOIN);
    PaymentResult result;
    try (PaymentCard card = TestCards.card("4242424242424242")) {
      result =
          ((PspConnection) other.getConnection(null, null))
              .authorise(
                  new AuthorisationRequest(
                      "sandbox",
                      IdempotencyKey.of("j-1"),
                      TEN_POUNDS,
                      card,
                      AuthorisationKind.SALE));
    }
    otherXa.end(XID, XAResource.TMSUCCESS);

    // when
    xa.rollback(XID);

    // then
    assertThat(xa.isSameRM(otherXa), is(true));
    assertThat(state(result.providerReference().orElseThrow()), is(PaymentState.VOIDED));
  }

  @Test
  void refusesAStartOfABranchThatExists() throws Exception {
    // given
    xa.start(XID, XAResource.TMNOFLAGS);
    xa.end(XID, XAResource.TMSUCCESS);

    // when
    XAException e = assertThrows(XAException.class, () -> xa.start(XID, XAResource.TMNOFLAGS));

    // then
    assertThat(e.errorCode, is(XAException.XAER_DUPID));
  }
}
