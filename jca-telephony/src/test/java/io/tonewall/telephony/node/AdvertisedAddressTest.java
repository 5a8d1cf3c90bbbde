package io.tonewall.telephony.node;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.tonewall.telephony.spi.TelephonySettings;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code advertisedAddress}: what Tonewall writes into SDP ({@code o=}, {@code c=}) and SIP (Via,
 * Contact) on both legs when it binds to 0.0.0.0 or sits behind NAT; the bind address never shows.
 */
class AdvertisedAddressTest {

  private static final String OFFER =
      SipPeer.sdp(30000, "0 8 101", "rtpmap:101 telephone-event/8000", "ptime:20");

  private ExecutorService relayThreads;
  private TelephonyNode node;
  private SipPeer caller;
  private SipPeer agent;
  private int port;

  @AfterEach
  void stop() throws InterruptedException {
    node.close();
    relayThreads.shutdown();
    relayThreads.awaitTermination(5, TimeUnit.SECONDS);
    caller.close();
    agent.close();
  }

  @Test
  void behindNat_sdpViaAndContact_carryThePublicAddress_onBothLegs() throws Exception {
    // given: bound to loopback, reached from outside at 203.0.113.5
    start("127.0.0.1", "203.0.113.5", 26120);

    // when
    caller.send(SipPeer.invite("nat-1", caller.port(), port, OFFER), port);
    String invite = agent.receive();
    agent.send(
        SipPeer.response(
            invite,
            200,
            "OK",
            SipPeer.sdp(31000, "8 101", "rtpmap:101 telephone-event/8000"),
            agent.port()),
        port);
    String ok = caller.receive("SIP/2.0 1");

    // then
    assertThat(
        invite,
        allOf(
            containsString("\r\nc=IN IP4 203.0.113.5\r\n"),
            containsString(" IN IP4 203.0.113.5\r\ns="),
            not(containsString("IP4 127.0.0.1"))));
    assertThat(SipPeer.header(invite, "Via"), startsWith("SIP/2.0/UDP 203.0.113.5:" + port));
    assertThat(SipPeer.header(invite, "Contact"), containsString("@203.0.113.5:" + port));
    assertThat(ok, startsWith("SIP/2.0 200"));
    assertThat(ok, containsString("\r\nc=IN IP4 203.0.113.5\r\n"));
    assertThat(ok, not(containsString("IP4 127.0.0.1")));
    assertThat(SipPeer.header(ok, "Contact"), containsString("@203.0.113.5:" + port));
  }

  @Test
  void boundToEveryInterface_advertisesTheConfiguredAddress_notTheWildcard() throws Exception {
    // given
    start("0.0.0.0", "198.51.100.20", 26160);

    // when
    caller.send(SipPeer.invite("any-1", caller.port(), port, OFFER), port);
    String invite = agent.receive();

    // then
    assertThat(invite, containsString("\r\nc=IN IP4 198.51.100.20\r\n"));
    assertThat(invite, not(containsString("0.0.0.0")));
    assertThat(SipPeer.header(invite, "Via"), startsWith("SIP/2.0/UDP 198.51.100.20:" + port));
  }

  /**
   * Forty RTP ports (ten calls' worth) per node: the range lies in the machine's ephemeral port
   * range, where other processes may hold a port or two at any moment.
   */
  private void start(String bind, String advertised, int firstRtpPort) throws Exception {
    caller = new SipPeer();
    agent = new SipPeer();
    port = Loopback.freePort();
    relayThreads = Executors.newCachedThreadPool();
    node =
        TelephonyNode.start(
            TelephonySettings.raw()
                .bindAddress(bind)
                .sipPort(String.valueOf(port))
                .rtpPorts(firstRtpPort + "-" + (firstRtpPort + 39))
                .agentUri("sip:agent@127.0.0.1:" + agent.port())
                .pairingCodeLength("6")
                .maskingLookaheadMs("40")
                .mediaTimeoutSeconds("30")
                .advertisedAddress(advertised)
                .parse(),
            Clock.systemUTC(),
            relayThreads,
            event -> {});
  }
}
