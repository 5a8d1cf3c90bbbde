package io.tonewall.telephony.spi.outbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.spi.LoopbackBootstrap;
import io.tonewall.telephony.spi.TelephonyResourceAdapter;
import java.util.Optional;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Secure mode as part of a JTA transaction, driven as a transaction manager would. */
class TransactionalSecureModeTest {

  private final LoopbackBootstrap bootstrap = new LoopbackBootstrap();
  private TelephonyResourceAdapter adapter;
  private TelephonyManagedConnection managed;
  private TelephonyConnection connection;
  private Call call;

  @BeforeEach
  void start() throws Exception {
    adapter = bootstrap.adapter("21100-21103");
    TelephonyManagedConnectionFactory factory = new TelephonyManagedConnectionFactory();
    factory.setResourceAdapter(adapter);
    managed = (TelephonyManagedConnection) factory.createManagedConnection(null, null);
    connection = (TelephonyConnection) managed.getConnection(null, null);
    call = adapter.calls().open("call-tx", Optional.empty());
  }

  @AfterEach
  void stop() {
    adapter.stop();
    bootstrap.close();
  }

  @Test
  void switchesSecureModeOffAgain_whenTheTransactionRollsBack() throws Exception {
    // given
    XAResource xa = managed.getXAResource();
    Xid xid = new TestXid(1);
    xa.start(xid, XAResource.TMNOFLAGS);
    connection.secureCall("call-tx", "session-1");
    xa.end(xid, XAResource.TMSUCCESS);
    boolean secureInside = call.secure();

    // when
    xa.rollback(xid);

    // then
    assertThat(secureInside, is(true));
    assertThat(call.secure(), is(false));
    assertThat(call.sessionId(), is(Optional.of("session-1")));
  }

  @Test
  void keepsSecureMode_whenTheTransactionCommits() throws Exception {
    // given
    XAResource xa = managed.getXAResource();
    Xid xid = new TestXid(2);
    xa.start(xid, XAResource.TMNOFLAGS);
    connection.secureCall("call-tx", "session-1");
    xa.end(xid, XAResource.TMSUCCESS);

    // when
    int vote = xa.prepare(xid);
    xa.commit(xid, false);

    // then
    assertThat(vote, is(XAResource.XA_OK));
    assertThat(call.secure(), is(true));
  }

  @Test
  void votesReadOnly_whenNothingChanged() throws Exception {
    // given
    XAResource xa = managed.getXAResource();
    Xid xid = new TestXid(3);
    xa.start(xid, XAResource.TMNOFLAGS);
    connection.findCall("call-tx");
    xa.end(xid, XAResource.TMSUCCESS);

    // then
    assertThat(xa.prepare(xid), is(XAResource.XA_RDONLY));
  }

  @Test
  void keepsSecureMode_whenSecuredOutsideATransaction() throws Exception {
    // given
    connection.secureCall("call-tx", "session-1");
    XAResource xa = managed.getXAResource();
    Xid xid = new TestXid(4);
    xa.start(xid, XAResource.TMNOFLAGS);
    xa.end(xid, XAResource.TMSUCCESS);

    // when
    xa.rollback(xid);

    // then
    assertThat(call.secure(), is(true));
  }

  private record TestXid(int id) implements Xid {
    @Override
    public int getFormatId() {
      return 1;
    }

    @Override
    public byte[] getGlobalTransactionId() {
      return new byte[] {(byte) id};
    }

    @Override
    public byte[] getBranchQualifier() {
      return new byte[] {1};
    }
  }
}
