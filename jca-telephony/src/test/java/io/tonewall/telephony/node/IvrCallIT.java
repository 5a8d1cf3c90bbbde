package io.tonewall.telephony.node;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.IvrAnnouncement;
import io.tonewall.telephony.api.IvrEnding;
import io.tonewall.telephony.api.TelephonyConnection;
import io.tonewall.telephony.api.TelephonyConnectionFactory;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventListener;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TelephonyMetrics;
import io.tonewall.telephony.api.TelephonyStatus;
import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.spi.LoopbackBootstrap;
import io.tonewall.telephony.spi.TelephonyResourceAdapter;
import io.tonewall.telephony.spi.inbound.TelephonyActivationSpec;
import io.tonewall.telephony.spi.outbound.TelephonyManagedConnectionFactory;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on loopback through the real resource adapter (outbound connection API and event
 * inflow): a SIPp caller dials the IVR number, hears the prompt (captured with tshark: real, non
 * silent G.711 frames), keys the link id and the card number in-band and the expiry as RFC 4733
 * events; the test drives the call as the session beans do and checks the exact digits, the
 * announcement and BYE, and that nothing stays allocated.
 */
class IvrCallIT {

  private static final String SESSION = "session-ivr-e2e";
  private static final String CARD = "4111111111111111";
  private static final int RTP_FIRST = 20800;

  private final LoopbackBootstrap bootstrap = new LoopbackBootstrap();
  private final BlockingQueue<TelephonyEvent> events = new LinkedBlockingQueue<>();
  private final List<TelephonyEvent> allEvents = new CopyOnWriteArrayList<>();
  private TelephonyResourceAdapter adapter;
  private TelephonyConnection connection;
  private RecordingEndpoints endpoints;

  @BeforeEach
  void start() throws Exception {
    adapter = bootstrap.adapter(RTP_FIRST + "-" + (RTP_FIRST + 39), "sip:agent@127.0.0.1:5099");
    endpoints = new RecordingEndpoints();
    adapter.endpointActivation(endpoints, new TelephonyActivationSpec());
    TelephonyManagedConnectionFactory managed = new TelephonyManagedConnectionFactory();
    managed.setResourceAdapter(adapter);
    ConnectionManager direct =
        (factory, info) -> factory.createManagedConnection(null, info).getConnection(null, info);
    connection =
        ((TelephonyConnectionFactory) managed.createConnectionFactory(direct)).getConnection();
  }

  @AfterEach
  void stop() throws Exception {
    Loopback.stopAll();
    connection.close();
    adapter.stop();
    bootstrap.close();
  }

  @Test
  void callerDialsTheIvr_hearsThePrompt_keysLinkIdAndCard_andIsHungUpAfterTheAnnouncement()
      throws Exception {
    // given
    TelephonyStatus status = connection.status();
    String linkId = connection.allocateLinkId(SESSION, "en");
    Loopback.dtmfAudio("ivr.al", linkId + "    " + CARD + "#", 100, 100);
    Path capture = Loopback.WORK.resolve("ivr-prompts.pcap");
    Process tshark = Loopback.captureFilter("udp src port " + RTP_FIRST, capture);
    int callerPort = Loopback.freePort();

    // when
    Process caller =
        Loopback.caller("ivr_caller.xml", status.sipPort(), callerPort, 22800, 1, List.of());
    TelephonyEvent secure = await(TelephonyEventType.SECURE, 20);
    String callId = secure.callId();
    connection.requestField(callId, SESSION, CardFieldSpecification.standard(CardField.NUMBER));
    TelephonyEvent number = await(TelephonyEventType.FIELD_COMPLETE, 20);
    connection.requestField(callId, SESSION, CardFieldSpecification.standard(CardField.EXPIRY));
    TelephonyEvent expiry = await(TelephonyEventType.FIELD_COMPLETE, 20);
    AtomicReference<String> handedOver = new AtomicReference<>();
    try (CapturedCard card = connection.takeCard(callId, SESSION)) {
      card.handOver(
          fields ->
              handedOver.set(
                  new String(fields.digits(CardField.NUMBER).orElseThrow())
                      + "/"
                      + new String(fields.digits(CardField.EXPIRY).orElseThrow())));
    }
    connection.announce(callId, SESSION, IvrAnnouncement.PAYMENT_APPROVED);
    connection.endIvrCall(callId, SESSION, IvrEnding.HANG_UP);
    int callerStatus = Loopback.await(caller, 60);
    TelephonyEvent ended = await(TelephonyEventType.CALL_ENDED, 10);
    Loopback.stop(tshark);
    List<RtpPacket> prompts = rtpIn(capture);
    TelephonyMetrics after = awaitIdle();

    // then
    assertThat(Loopback.log("caller"), callerStatus, is(0));
    assertThat(status.ivrTransferNumber(), is("sip:pay@127.0.0.1:" + status.sipPort()));
    assertThat(status.ivrLanguages().contains("en"), is(true));
    assertThat(linkId.matches("[0-9]{6}"), is(true));
    assertThat(secure.ivr(), is(true));
    assertThat(secure.sessionId(), is(Optional.of(SESSION)));
    assertThat(number.valid(), is(true));
    assertThat(number.lastFour(), is(Optional.of("1111")));
    assertThat(expiry.valid(), is(true));
    assertThat(handedOver.get(), is(CARD + "/1230"));
    assertThat(ended.callId(), is(callId));
    // prompt audio really arrived: enter-link-id, enter-card-number, enter-expiry (cut short by
    // keys), payment-approved and goodbye, as paced PCMA frames, most of them speech
    long audible = prompts.stream().filter(p -> rms(p) > 300).count();
    assertThat("prompt packets", prompts.size(), greaterThan(300));
    assertThat("non-silent prompt frames", audible, greaterThan(150L));
    assertThat(prompts.stream().allMatch(p -> p.payloadType() == 8), is(true));
    assertThat(prompts.get(0).marker(), is(true));
    assertThat(prompts.stream().map(RtpPacket::ssrc).distinct().count(), is(1L));
    assertThat(after.toString(), after.calls(), is(0));
    assertThat(after.toString(), after.dialogs(), is(0));
    assertThat(after.toString(), after.mediaSessions(), is(0));
    assertThat(after.toString(), after.rtpPortsInUse(), is(0));
    assertThat(allEvents.toString(), not(containsString(CARD)));
    assertThat(allEvents.stream().allMatch(TelephonyEvent::ivr), is(true));
  }

  private TelephonyEvent await(TelephonyEventType type, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      TelephonyEvent event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event != null && event.type() == type) {
        return event;
      }
    }
    throw new AssertionError(type + " not seen within " + seconds + " s; events: " + allEvents);
  }

  private TelephonyMetrics awaitIdle() throws Exception {
    TelephonyMetrics metrics = connection.metrics();
    for (int i = 0; i < 100 && (metrics.calls() > 0 || metrics.rtpPortsInUse() > 0); i++) {
      Thread.sleep(50);
      metrics = connection.metrics();
    }
    return metrics;
  }

  /** The RTP packets of a capture, read back with tshark. */
  private static List<RtpPacket> rtpIn(Path capture) throws Exception {
    Loopback.Result read =
        Loopback.run(
            "tshark-read",
            List.of("tshark", "-r", capture.toString(), "-T", "fields", "-e", "udp.payload"));
    assertThat(read.output(), read.status(), is(0));
    List<RtpPacket> packets = new ArrayList<>();
    for (String line : read.output().split("\\R")) {
      String hex = line.trim();
      if (hex.matches("[0-9a-f]{24,}")) {
        packets.add(RtpPacket.parse(HexFormat.of().parseHex(hex)));
      }
    }
    return packets;
  }

  private static double rms(RtpPacket packet) {
    byte[] codes = new byte[packet.payloadLength()];
    packet.buffer().get(packet.payloadOffset(), codes);
    short[] samples =
        packet.payloadType() == 0 ? G711.ulawToLinear(codes) : G711.alawToLinear(codes);
    double sum = 0;
    for (short s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / Math.max(1, samples.length));
  }

  /** A message-driven bean stand-in: every event delivered through the adapter's inflow. */
  private final class RecordingEndpoints implements MessageEndpointFactory {

    @Override
    public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource resource) {
      return new Endpoint();
    }

    @Override
    public MessageEndpoint createEndpoint(javax.transaction.xa.XAResource resource, long timeout) {
      return createEndpoint(resource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
      return false;
    }

    @Override
    public String getActivationName() {
      return "ivr-it";
    }

    @Override
    public Class<?> getEndpointClass() {
      return Endpoint.class;
    }

    final class Endpoint implements MessageEndpoint, TelephonyEventListener {
      @Override
      public void onEvent(TelephonyEvent event) {
        allEvents.add(event);
        events.add(event);
      }

      @Override
      public void beforeDelivery(Method method) {}

      @Override
      public void afterDelivery() {}

      @Override
      public void release() {}
    }
  }
}
