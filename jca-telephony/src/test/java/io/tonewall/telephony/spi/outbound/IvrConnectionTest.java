package io.tonewall.telephony.spi.outbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.api.UnknownCallException;
import io.tonewall.telephony.call.Call;
import io.tonewall.telephony.call.IvrControl;
import io.tonewall.telephony.spi.LoopbackBootstrap;
import io.tonewall.telephony.spi.TelephonyResourceAdapter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IVR part of the connection API on the real adapter, inside and outside transactions. */
class IvrConnectionTest {

  private final LoopbackBootstrap bootstrap = new LoopbackBootstrap();
  private final List<String> ivr = new CopyOnWriteArrayList<>();
  private TelephonyResourceAdapter adapter;
  private TelephonyManagedConnection managed;
  private TelephonyConnection connection;

  @BeforeEach
  void start() throws Exception {
    adapter = bootstrap.adapter("21200-21203");
    TelephonyManagedConnectionFactory factory = new TelephonyManagedConnectionFactory();
    factory.setResourceAdapter(adapter);
    managed = (TelephonyManagedConnection) factory.createManagedConnection(null, null);
    connection = (TelephonyConnection) managed.getConnection(null, null);
  }

  @AfterEach
  void stop() {
    adapter.stop();
    bootstrap.close();
  }

  /** A linked IVR call whose dialogue records what it is asked. */
  private Call ivrCall(String id, String session) throws Exception {
    Call call = adapter.calls().openIvr(id, Optional.empty());
    call.attach(
        new IvrControl() {
          @Override
          public void fieldRequested(CardField field, Optional<FieldRetry> retry) {
            ivr.add("field " + field);
          }

          @Override
          public void announce(IvrAnnouncement announcement) {
            ivr.add("announce " + announcement);
          }

          @Override
          public void end(IvrEnding ending) {
            ivr.add("end " + ending);
          }
        });
    call.secureFor(session);
    return call;
  }

  @Test
  void reportsTheTransferNumberAndLanguages() throws Exception {
    // when
    TelephonyStatus status = connection.status();

    // then
    assertThat(status.ivrTransferNumber(), is("sip:pay@127.0.0.1:" + status.sipPort()));
    assertThat(status.ivrLanguages(), is(Set.of("de", "en", "es", "fr")));
  }

  @Test
  void allocatesALinkId_andWithdrawsIt_whenTheTransactionRollsBack() throws Exception {
    // given
    XAResource xa = managed.getXAResource();
    Xid rolledBack = new TestXid(11);
    Xid committed = new TestXid(12);

    // when
    xa.start(rolledBack, XAResource.TMNOFLAGS);
    String withdrawn = connection.allocateLinkId("session-1", "fr");
    xa.end(rolledBack, XAResource.TMSUCCESS);
    xa.rollback(rolledBack);
    xa.start(committed, XAResource.TMNOFLAGS);
    String kept = connection.allocateLinkId("session-2", "en");
    xa.end(committed, XAResource.TMSUCCESS);
    xa.commit(committed, true);

    // then
    assertThat(withdrawn.matches("[0-9]{6}"), is(true));
    assertThat(adapter.ivr().linkIds().redeem(withdrawn), is(Optional.empty()));
    assertThat(adapter.ivr().linkIds().redeem(kept).orElseThrow().language(), is("en"));
  }

  @Test
  void refusesAnUnknownLanguage_namingTheSupportedOnes() {
    // when
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> connection.allocateLinkId("session-1", "tlh"));

    // then
    assertThat(error.getMessage(), containsString("[de, en, es, fr]"));
  }

  @Test
  void announcesAndEnds_onlyWhenTheTransactionCommits() throws Exception {
    // given
    ivrCall("ivr-tx", "session-1");
    XAResource xa = managed.getXAResource();
    Xid rolledBack = new TestXid(13);
    Xid committed = new TestXid(14);

    // when
    xa.start(rolledBack, XAResource.TMNOFLAGS);
    connection.announce("ivr-tx", "session-1", IvrAnnouncement.PAYMENT_APPROVED);
    xa.end(rolledBack, XAResource.TMSUCCESS);
    xa.rollback(rolledBack);
    List<String> afterRollback = List.copyOf(ivr);
    xa.start(committed, XAResource.TMNOFLAGS);
    connection.announce("ivr-tx", "session-1", IvrAnnouncement.PAYMENT_DECLINED);
    connection.endIvrCall("ivr-tx", "session-1", IvrEnding.TRANSFER_BACK);
    xa.end(committed, XAResource.TMSUCCESS);
    List<String> beforeCommit = List.copyOf(ivr);
    int vote = xa.prepare(committed);
    xa.commit(committed, false);

    // then
    assertThat(afterRollback, is(empty()));
    assertThat(beforeCommit, is(empty()));
    assertThat(vote, is(XAResource.XA_OK));
    assertThat(ivr, contains("announce PAYMENT_DECLINED", "end TRANSFER_BACK"));
  }

  @Test
  void announcesAtOnce_outsideATransaction() throws Exception {
    // given
    ivrCall("ivr-now", "session-1");

    // when
    connection.announce("ivr-now", "session-1", IvrAnnouncement.CARD_SAVED);
    connection.endIvrCall("ivr-now", "session-1", IvrEnding.HANG_UP);

    // then
    assertThat(ivr, contains("announce CARD_SAVED", "end HANG_UP"));
  }

  @Test
  void refusesAnotherSessionsCall_aRelayedCall_andAnEndedCall() throws Exception {
    // given
    ivrCall("ivr-own", "session-1");
    adapter.calls().open("relayed", Optional.empty()).secureFor("session-1");

    // when
    UnknownCallException other =
        assertThrows(
            UnknownCallException.class,
            () -> connection.announce("ivr-own", "session-2", IvrAnnouncement.PAYMENT_FAILED));
    UnknownCallException relayed =
        assertThrows(
            UnknownCallException.class,
            () -> connection.endIvrCall("relayed", "session-1", IvrEnding.HANG_UP));
    UnknownCallException unknown =
        assertThrows(
            UnknownCallException.class,
            () -> connection.announce("gone", "session-1", IvrAnnouncement.PAYMENT_FAILED));

    // then
    assertThat(other.getMessage(), containsString("not linked to this payment session"));
    assertThat(relayed.getMessage(), containsString("is not an IVR call"));
    assertThat(unknown.getMessage(), containsString("no live call"));
    assertThat(ivr, is(empty()));
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
