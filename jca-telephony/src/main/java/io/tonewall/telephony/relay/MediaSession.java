package io.tonewall.telephony.relay;

import io.tonewall.telephony.dtmf.MaskingSignal;
import io.tonewall.telephony.rtp.MalformedRtpPacketException;
import io.tonewall.telephony.rtp.MediaPacketKind;
import io.tonewall.telephony.rtp.RtpPacket;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media of one anchored call: a {@link RelayLeg} towards the caller and one towards the agent.
 * Caller → agent RTP goes through an {@link AgentLegStream} (masked while secure); agent → caller
 * RTP passes unchanged and is listened to for the agent's keys (pairing); RTCP passes through both
 * ways. Packets that are not RTP or RTCP are counted and dropped.
 *
 * <p>Packet handling runs on the session's relay thread (one of the relay's loops, the same for the
 * session's life). The control methods ({@link #expect}, {@link #negotiate}, {@link #secure},
 * {@link #close}) may be called from any thread: they are queued to that thread.
 */
public final class MediaSession {

  private final RtpRelay relay;
  private final RelayLoop loop;
  private final RelayLeg caller;
  private final RelayLeg agent;
  private final MediaListener listener;
  private final int lookaheadMs;
  private final AgentKeypad agentKeypad;
  private final SecureWindowSentinel sentinel;
  private final AtomicLong relayed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private Optional<AgentLegStream> stream = Optional.empty();
  private Optional<AgentLegFormat> format = Optional.empty();
  private boolean secureRequested;
  private Instant lastPacket;
  private boolean timeoutReported;
  private volatile boolean closed;

  MediaSession(
      RtpRelay relay,
      RelayLoop loop,
      RelayLeg caller,
      RelayLeg agent,
      MediaListener listener,
      int lookaheadMs,
      Instant now) {
    this.relay = relay;
    this.loop = loop;
    this.caller = caller;
    this.agent = agent;
    this.listener = listener;
    this.lookaheadMs = lookaheadMs;
    this.lastPacket = now;
    this.agentKeypad = new AgentKeypad(listener::agentKey);
    this.sentinel = new SecureWindowSentinel(listener);
  }

  /** Tonewall's RTP port towards {@code side}; RTCP is the port above. */
  public int port(LegSide side) {
    return leg(side).port();
  }

  /** Where {@code side}'s party said in SDP it receives media; packets may correct it later. */
  public void expect(LegSide side, String address, int rtpPort) {
    leg(side).expect(address, rtpPort);
  }

  /**
   * The payload types both parties agreed on. The caller → agent stream is built (or rebuilt when
   * the audio type changes) on the relay thread.
   */
  public void negotiate(AgentLegFormat negotiated) {
    loop.execute(
        () -> {
          if (format.isPresent()
              && format.get().audioPayloadType() == negotiated.audioPayloadType()
              && format.get().telephoneEventPayloadType()
                  == negotiated.telephoneEventPayloadType()) {
            return;
          }
          format = Optional.of(negotiated);
          AgentLegStream created =
              AgentLegStream.create(
                  negotiated,
                  lookaheadMs,
                  MaskingSignal.STANDARD,
                  press -> listener.callerKey(press.key()));
          if (secureRequested) {
            created.enterSecureMode();
          }
          stream = Optional.of(created);
          agentKeypad.telephoneEventPayloadType(negotiated.telephoneEventPayloadType());
        });
  }

  /**
   * Whether the agent → caller audio is listened to for in-band keys (initially yes): only needed
   * while the call can still be paired. Telephone-events are always read.
   */
  public void listenForAgentKeys(boolean on) {
    loop.execute(() -> agentKeypad.listenInBand(on));
  }

  /** Switches masking of the caller → agent direction on or off. */
  public void secure(boolean on) {
    loop.execute(
        () -> {
          secureRequested = on;
          if (on) {
            sentinel.open();
          } else {
            sentinel.requestClose(stream.isPresent());
          }
          stream.ifPresent(
              s -> {
                if (on) {
                  s.enterSecureMode();
                } else {
                  s.leaveSecureMode();
                }
              });
        });
  }

  /**
   * Closes both legs' sockets and frees their ports; an open secure window closes with its verdict
   * (on the relay thread). Idempotent.
   */
  public void close() {
    if (!closed) {
      closed = true;
      loop.execute(sentinel::close);
      relay.release(this);
    }
  }

  public boolean closed() {
    return closed;
  }

  /** RTP and RTCP packets forwarded so far, both directions. */
  public long relayedPackets() {
    return relayed.get();
  }

  /** Packets dropped so far: malformed, or no peer address yet, or consumed by masking. */
  public long droppedPackets() {
    return dropped.get();
  }

  /** Datagrams that were neither RTP nor RTCP, or not well-formed RTP. */
  public long malformedPackets() {
    return malformed.get();
  }

  /** The relay loop (thread) this session's packets are handled on. */
  RelayLoop loop() {
    return loop;
  }

  RelayLeg leg(LegSide side) {
    return side == LegSide.CALLER ? caller : agent;
  }

  /** One datagram from {@code from}'s party, between position and limit. Relay thread. */
  void receive(LegSide from, boolean rtcp, ByteBuffer datagram, SocketAddress source, Instant now)
      throws IOException {
    lastPacket = now;
    timeoutReported = false;
    RelayLeg in = leg(from);
    RelayLeg out = leg(from.other());
    MediaPacketKind kind = MediaPacketKind.classify(datagram);
    if (rtcp || kind == MediaPacketKind.RTCP) {
      if (kind == MediaPacketKind.UNKNOWN) {
        malformed.incrementAndGet();
        relay.countMalformed();
        return;
      }
      in.learn(source, rtcp);
      count(out.send(datagram, rtcp));
      return;
    }
    RtpPacket packet;
    try {
      packet = RtpPacket.parse(datagram);
    } catch (MalformedRtpPacketException e) {
      malformed.incrementAndGet();
      relay.countMalformed();
      return;
    }
    in.learn(source, false);
    if (from == LegSide.AGENT) {
      agentKeypad.listen(packet);
      count(out.send(datagram, false));
      return;
    }
    if (stream.isEmpty()) {
      sentinel.forwardedUnmasked(packet);
      count(out.send(datagram, false));
      return;
    }
    List<RtpPacket> forward = stream.get().process(packet);
    sentinel.forwarded(forward, stream.get().isMasking(), format.orElseThrow());
    if (forward.isEmpty()) {
      dropped.incrementAndGet();
    }
    for (RtpPacket each : forward) {
      ByteBuffer bytes = each.buffer() == datagram ? datagram : each.buffer().duplicate();
      bytes.limit(each.offset() + each.length()).position(each.offset());
      count(out.send(bytes, false));
    }
  }

  /** Reports a media timeout once per silence. Relay thread. */
  void checkTimeout(Instant now, Duration timeout) {
    if (!timeoutReported && Duration.between(lastPacket, now).compareTo(timeout) >= 0) {
      timeoutReported = true;
      listener.mediaTimedOut(Duration.between(lastPacket, now));
    }
  }

  private void count(boolean sent) {
    (sent ? relayed : dropped).incrementAndGet();
  }
}
