package io.tonewall.telephony.call;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tonewall.telephony.api.BreakReason;
import io.tonewall.telephony.api.CallNotSecureException;
import io.tonewall.telephony.api.CapturedCard;
import io.tonewall.telephony.api.CardField;
import io.tonewall.telephony.api.CardFieldSpecification;
import io.tonewall.telephony.api.TelephonyEvent;
import io.tonewall.telephony.api.TelephonyEventType;
import io.tonewall.telephony.api.TransferOutcome;
import io.tonewall.telephony.api.UnknownCallException;
import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.DtmfKey;
import io.tonewall.telephony.relay.LegSide;
import io.tonewall.telephony.relay.MediaSession;
import io.tonewall.telephony.relay.PortRange;
import io.tonewall.telephony.relay.RtpRelay;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallTest {

  private final PairingCodesTest.MutableClock clock =
      new PairingCodesTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<TelephonyEvent> events = new CopyOnWriteArrayList<>();
  private final CallRegistry registry =
      new CallRegistry(new PairingCodes(6, Duration.ofMinutes(15), clock), clock, events::add);

  @Test
  void pairsCall_whenAgentDialsTheSessionsCode() {
    // given
    Call call = registry.open("call-1", Optional.empty());
    String code = registry.allocatePairingCode("session-7");

    // when
    keys(call::agentKey, "5" + code);

    // then
    assertThat(call.sessionId(), is(Optional.of("session-7")));
    assertThat(types(), contains(TelephonyEventType.PAIRED));
    assertThat(events.get(0).sessionId(), is(Optional.of("session-7")));
  }

  @Test
  void ignoresAgentKeys_thatAreNoOutstandingCode() {
    // given
    Call call = registry.open("call-1", Optional.empty());
    registry.allocatePairingCode("session-7");

    // when
    keys(call::agentKey, "0000000000");

    // then
    assertThat(call.sessionId(), is(Optional.empty()));
    assertThat(events.isEmpty(), is(true));
  }

  @Test
  void capturesCardNumber_reportingCountsNeverDigits_andHandsItOverOnce() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.of("ref-1"));
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER));

    // when
    keys(call::callerKey, "4111111111111111#");
    CapturedCard card = call.takeCard("s");
    AtomicReference<String> seen = new AtomicReference<>();
    AtomicReference<char[]> kept = new AtomicReference<>();
    card.handOver(
        fields -> {
          char[] number = fields.digits(CardField.NUMBER).orElseThrow();
          kept.set(number);
          seen.set(new String(number));
        });

    // then
    assertThat(seen.get(), is("4111111111111111"));
    assertThat(new String(kept.get()), is("\0".repeat(16)));
    assertThat(card.toString(), is("CapturedCard[VISA 411111******1111]"));
    TelephonyEvent complete = last(TelephonyEventType.FIELD_COMPLETE);
    assertThat(complete.valid(), is(true));
    assertThat(complete.digitCount(), is(16));
    assertThat(complete.lastFour(), is(Optional.of("1111")));
    assertThat(
        events.stream().filter(e -> e.type() == TelephonyEventType.DIGIT_ENTERED).count(), is(16L));
    for (TelephonyEvent event : events) {
      assertThat(event.toString(), not(containsString("4111")));
    }
    assertThrows(IllegalStateException.class, () -> card.handOver(fields -> {}));
  }

  @Test
  void handsTheSameCardOverAgain_forAnAdditionalPayment_untilTheSessionReleasesTheCall()
      throws Exception {
    // given
    Call call = registry.open("call-1", Optional.empty());
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER));
    keys(call::callerKey, "4111111111111111#");
    try (CapturedCard first = call.takeCard("s")) {
      first.handOver(fields -> {});
    }

    // when
    AtomicReference<String> again = new AtomicReference<>();
    try (CapturedCard second = call.takeCard("s")) {
      second.handOver(
          fields -> again.set(new String(fields.digits(CardField.NUMBER).orElseThrow())));
    }
    call.releaseFor("s");
    call.secureFor("s");

    // then
    assertThat(again.get(), is("4111111111111111"));
    assertThrows(CallNotSecureException.class, () -> call.takeCard("s"));
  }

  @Test
  void reportsInvalidNumber_withoutLastFour_andKeepsNothing() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.empty());
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER));

    // when
    keys(call::callerKey, "4111111111111112#");

    // then
    TelephonyEvent complete = last(TelephonyEventType.FIELD_COMPLETE);
    assertThat(complete.valid(), is(false));
    assertThat(complete.lastFour(), is(Optional.empty()));
    assertThrows(CallNotSecureException.class, () -> call.takeCard("s"));
  }

  @Test
  void timesFieldOut_fromTheInjectedClock() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.empty());
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.SECURITY_CODE));
    keys(call::callerKey, "1");

    // when
    clock.advance(Duration.ofSeconds(11));
    registry.tick(clock.instant());

    // then
    TelephonyEvent timedOut = last(TelephonyEventType.FIELD_TIMED_OUT);
    assertThat(timedOut.field(), is(Optional.of(CardField.SECURITY_CODE)));
    assertThat(timedOut.digitCount(), is(1));
  }

  @Test
  void refusesField_whenCallIsNotSecure() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.empty());
    call.secureFor("s");
    call.broken(BreakReason.HOLD);

    // then
    assertThrows(
        CallNotSecureException.class,
        () -> call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER)));
    assertThat(last(TelephonyEventType.BROKEN).reason(), is(Optional.of(BreakReason.HOLD)));
  }

  @Test
  void ignoresCallerKeys_outsideSecureMode() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.empty());

    // when
    keys(call::callerKey, "4111");

    // then
    assertThat(events.isEmpty(), is(true));
  }

  @Test
  void refusesAnotherSession_onAPairedCall() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.empty());
    call.secureFor("s1");

    // then
    assertThrows(UnknownCallException.class, () -> call.secureFor("s2"));
  }

  @Test
  void wipesUntakenCardAndReportsHangUp_whenCallEnds() throws Exception {
    // given
    Call call = registry.open("call-1", Optional.of("ref-9"));
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER));
    keys(call::callerKey, "4111111111111111#");
    CapturedCard card = call.takeCard("s");

    // when
    registry.end(call);

    // then
    assertThat(card.wiped(), is(true));
    assertThat(registry.find("ref-9"), is(Optional.empty()));
    assertThat(registry.size(), is(0));
    assertThat(last(TelephonyEventType.BROKEN).reason(), is(Optional.of(BreakReason.HANG_UP)));
    assertThat(types().get(types().size() - 1), is(TelephonyEventType.CALL_ENDED));
  }

  @Test
  void findsCall_byCallIdOrReferenceHeader() {
    // given
    Call call = registry.open("abc@host", Optional.of("crm-42"));

    // then
    assertThat(registry.find("abc@host"), is(Optional.of(call)));
    assertThat(registry.find("crm-42"), is(Optional.of(call)));
    assertThat(registry.find("other"), is(Optional.empty()));
  }

  @Test
  void secureWindowVerdict_goesToTheSessionItWasOpenedFor_evenAfterReleaseAndCallEnd()
      throws Exception {
    ExecutorService thread = Executors.newCachedThreadPool();
    try (RtpRelay relay =
        RtpRelay.open(
            InetAddress.getLoopbackAddress(),
            PortRange.of(26200, 26239),
            clock,
            Duration.ofSeconds(30),
            40,
            now -> {})) {
      relay.start(thread);
      Call call = registry.open("call-1", Optional.empty());
      MediaSession media = relay.allocate(call);
      call.attach(media);

      // when: secure for s, released (session unlinked), secure for t, hang-up
      call.secureFor("s");
      call.releaseFor("s");
      call.secureFor("t");
      registry.end(call);
      awaitEvents(TelephonyEventType.SECURE_WINDOW_CLOSED, 2);

      // then
      List<TelephonyEvent> verdicts =
          events.stream().filter(e -> e.type() == TelephonyEventType.SECURE_WINDOW_CLOSED).toList();
      assertThat(verdicts.get(0).sessionId(), is(Optional.of("s")));
      assertThat(verdicts.get(1).sessionId(), is(Optional.of("t")));
      assertThat(verdicts.get(1).suspiciousFrames(), is(0L));
      assertThat(verdicts.get(1).framesExamined(), is(0L));
      assertThat(registry.secureWindowsClosed(), is(2L));
      assertThat(registry.leakSuspectedFrames(), is(0L));
    } finally {
      thread.shutdown();
      thread.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void leakSuspected_reachesTheSessionWithTheCount_counted_andNeverADigit() throws Exception {
    // given: a secure call capturing a card number
    Call call = registry.open("call-1", Optional.empty());
    call.secureFor("s");
    call.requestField("s", CardFieldSpecification.standard(CardField.NUMBER));
    keys(call::callerKey, "4111111111111111");

    // when
    call.leakSuspected(1, 12);
    call.leakSuspected(2, 13);
    call.secureWindowClosed(2, 40);

    // then
    TelephonyEvent leak = last(TelephonyEventType.LEAK_SUSPECTED);
    assertThat(leak.sessionId(), is(Optional.of("s")));
    assertThat(leak.suspiciousFrames(), is(2L));
    assertThat(leak.framesExamined(), is(13L));
    assertThat(
        leak.toString(),
        is("TelephonyEvent[LEAK_SUSPECTED call=call-1 session=s suspicious=2/13]"));
    TelephonyEvent verdict = last(TelephonyEventType.SECURE_WINDOW_CLOSED);
    assertThat(verdict.suspiciousFrames(), is(2L));
    assertThat(verdict.framesExamined(), is(40L));
    assertThat(registry.leakSuspectedFrames(), is(2L));
    for (TelephonyEvent event : events) {
      assertThat(event.toString(), not(containsString("4111")));
      assertThat(event.toString(), not(containsString("1111")));
    }
  }

  @Test
  void pairingDemand_followsOutstandingCodes_allocatedAndExpired() {
    // given: no code yet
    registry.open("call-1", Optional.empty());
    assertThat(registry.pairingCodesMayBeOutstanding(), is(false));

    // when: a code is allocated
    registry.allocatePairingCode("session-7");

    // then: known at once, before the code is returned to the console
    assertThat(registry.pairingCodesMayBeOutstanding(), is(true));

    // when: it expires (15 minutes) and the relay ticks
    clock.advance(Duration.ofMinutes(16));
    registry.tick(clock.instant());

    // then
    assertThat(registry.pairingCodesMayBeOutstanding(), is(false));
  }

  @Test
  void pairsCall_whenAgentDialsTheCodeInBand_onTheRelay_afterTheCallBegan() throws Exception {
    ExecutorService thread = Executors.newCachedThreadPool();
    try (RtpRelay relay =
            RtpRelay.open(
                InetAddress.getLoopbackAddress(),
                PortRange.of(26240, 26279),
                clock,
                Duration.ofSeconds(30),
                40,
                now -> {});
        DatagramSocket agent = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        DatagramSocket caller = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      relay.start(thread);
      // given: a call set up while no code is outstanding (its media does not listen in-band)
      Call call = registry.open("call-1", Optional.empty());
      MediaSession media = relay.allocate(call);
      call.attach(media);
      media.expect(LegSide.CALLER, "127.0.0.1", caller.getLocalPort());
      caller.setSoTimeout(2000);
      AgentTones tones = new AgentTones(agent, caller, media.port(LegSide.AGENT));
      tones.key('1');
      tones.key('2');

      // when: a code is allocated, then the agent dials it in-band (A-law)
      String code = registry.allocatePairingCode("session-7");
      for (char digit : code.toCharArray()) {
        tones.key(digit);
      }

      // then
      assertThat(call.sessionId(), is(Optional.of("session-7")));
      assertThat(types(), contains(TelephonyEventType.PAIRED));
    } finally {
      thread.shutdown();
      thread.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The agent's side of a call: in-band DTMF keys of 80 ms and 80 ms pauses as PCMA RTP. */
  private static final class AgentTones {
    private static final String KEYPAD = "123A456B789C*0#D";
    private static final double[] ROWS = {697, 770, 852, 941};
    private static final double[] COLS = {1209, 1336, 1477, 1633};
    private final DatagramSocket agent;
    private final DatagramSocket caller;
    private final int port;
    private int sequence;
    private long timestamp;

    AgentTones(DatagramSocket agent, DatagramSocket caller, int port) {
      this.agent = agent;
      this.caller = caller;
      this.port = port;
    }

    void key(char key) throws Exception {
      int index = KEYPAD.indexOf(key);
      for (int frame = 0; frame < 8; frame++) {
        short[] samples = new short[160];
        if (frame < 4) {
          double peak = 22827 * Math.pow(10, -10 / 20.0);
          for (int i = 0; i < samples.length; i++) {
            double t = (timestamp + i) / 8000.0;
            samples[i] =
                (short)
                    Math.round(
                        peak
                            * (Math.sin(2 * Math.PI * ROWS[index / 4] * t)
                                + Math.sin(2 * Math.PI * COLS[index % 4] * t)));
          }
        }
        byte[] packet = new byte[12 + 160];
        packet[0] = (byte) 0x80;
        packet[1] = 8;
        packet[2] = (byte) (sequence >> 8);
        packet[3] = (byte) sequence;
        packet[4] = (byte) (timestamp >> 24);
        packet[5] = (byte) (timestamp >> 16);
        packet[6] = (byte) (timestamp >> 8);
        packet[7] = (byte) timestamp;
        packet[11] = 7;
        System.arraycopy(G711.linearToAlaw(samples), 0, packet, 12, 160);
        agent.send(
            new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
        caller.receive(new DatagramPacket(new byte[2048], 2048));
        sequence++;
        timestamp += 160;
      }
    }
  }

  @Test
  void sentinelCounts_mustBeConsistent() {
    TelephonyEvent.Builder builder =
        TelephonyEvent.of(TelephonyEventType.SECURE_WINDOW_CLOSED, "c", Instant.EPOCH);

    IllegalArgumentException more =
        assertThrows(IllegalArgumentException.class, () -> builder.frames(3, 2));
    assertThrows(IllegalArgumentException.class, () -> builder.frames(-1, 2));
    assertThat(more.getMessage(), is("suspicious frames must be 0..2, was 3"));
  }

  @Test
  void transferEnded_carriesTheOutcomeAndTheSipStatus_only() {
    // when
    TelephonyEvent event =
        TelephonyEvent.of(TelephonyEventType.TRANSFER_ENDED, "c", Instant.EPOCH)
            .session(Optional.of("s"))
            .transfer(TransferOutcome.DECLINED, OptionalInt.of(603))
            .ivr(true)
            .build();

    // then
    assertThat(event.transferOutcome(), is(Optional.of(TransferOutcome.DECLINED)));
    assertThat(event.sipStatus(), is(OptionalInt.of(603)));
    assertThat(
        event.toString(),
        is(
            "TelephonyEvent[TRANSFER_ENDED call=c session=s transfer=DECLINED"
                + " sipStatus=603 ivr]"));
  }

  @Test
  void transferEnded_withoutStatus_andNotOnOtherEvents() {
    // when
    TelephonyEvent unanswered =
        TelephonyEvent.of(TelephonyEventType.TRANSFER_ENDED, "c", Instant.EPOCH)
            .transfer(TransferOutcome.NO_ANSWER, OptionalInt.empty())
            .build();
    TelephonyEvent other =
        TelephonyEvent.of(TelephonyEventType.CALL_ENDED, "c", Instant.EPOCH).build();

    // then
    assertThat(unanswered.sipStatus(), is(OptionalInt.empty()));
    assertThat(other.transferOutcome(), is(Optional.empty()));
    assertThat(other.sipStatus(), is(OptionalInt.empty()));
  }

  @Test
  void transferStatus_mustBeASipStatusCode() {
    TelephonyEvent.Builder builder =
        TelephonyEvent.of(TelephonyEventType.TRANSFER_ENDED, "c", Instant.EPOCH);

    IllegalArgumentException low =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder.transfer(TransferOutcome.FAILED, OptionalInt.of(99)));
    assertThrows(
        IllegalArgumentException.class,
        () -> builder.transfer(TransferOutcome.FAILED, OptionalInt.of(700)));
    assertThat(low.getMessage(), is("a SIP status is 100..699, was 99"));
  }

  @Test
  void transferEnded_isPublishedForTheLinkedSession() throws Exception {
    // given
    Call call = registry.openIvr("ivr-call", Optional.empty());
    call.secureFor("s");

    // when
    call.transferEnded(TransferOutcome.ACCEPTED, OptionalInt.of(200));

    // then
    awaitEvents(TelephonyEventType.TRANSFER_ENDED, 1);
    TelephonyEvent event = last(TelephonyEventType.TRANSFER_ENDED);
    assertThat(event.sessionId(), is(Optional.of("s")));
    assertThat(event.ivr(), is(true));
    assertThat(event.transferOutcome(), is(Optional.of(TransferOutcome.ACCEPTED)));
    assertThat(event.sipStatus(), is(OptionalInt.of(200)));
  }

  private void awaitEvents(TelephonyEventType type, int count) throws InterruptedException {
    for (int i = 0; i < 100 && events.stream().filter(e -> e.type() == type).count() < count; i++) {
      Thread.sleep(20);
    }
    assertThat(events.stream().filter(e -> e.type() == type).count(), is((long) count));
  }

  private static void keys(java.util.function.Consumer<DtmfKey> target, String symbols) {
    for (char symbol : symbols.toCharArray()) {
      target.accept(DtmfKey.fromSymbol(symbol).orElseThrow());
    }
  }

  private List<TelephonyEventType> types() {
    return events.stream().map(TelephonyEvent::type).toList();
  }

  private TelephonyEvent last(TelephonyEventType type) {
    List<TelephonyEvent> matching = new ArrayList<>();
    events.stream().filter(e -> e.type() == type).forEach(matching::add);
    return matching.get(matching.size() - 1);
  }
}
