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
 * <p><b>Fast path.</b> Where the loop has the native fast path, a direction whose packets Java
 * would pass unchanged is handed to it ({@link #refreshFastPath}, every tick): caller → agent while
 * the call is not secure, its stream not masking and no secure window open (the stream's sequence
 * offset goes along); agent → caller while nobody listens for the agent's in-band keys and no
 * telephone-event is in progress. Both sockets must have latched their party. The fast path hands a
 * direction back with the first packet it will not forward (a telephone-event, RTCP, anything but
 * plain RTP); every control request takes both directions back before it changes anything, on the
 * relay thread, and the last caller packets the fast path forwarded are replayed into the stream
 * (not sent again) so that the masker knows a tone in progress when secure mode begins. Secure
 * media is never on the fast path.
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
  private final AtomicLong fastForwarded = new AtomicLong();
  private Optional<AgentLegStream> stream = Optional.empty();
  private Optional<AgentLegFormat> format = Optional.empty();
  private boolean secureRequested;
  private Instant lastPacket;
  private boolean timeoutReported;
  private volatile boolean closed;
  private final List<Inlet> inlets;
  private final Inlet callerRtp;
  private final Inlet agentRtp;
  private boolean callerFast;
  private boolean agentFast;

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
    this.callerRtp = new Inlet(this, caller, false);
    this.agentRtp = new Inlet(this, agent, false);
    this.inlets =
        List.of(callerRtp, new Inlet(this, caller, true), agentRtp, new Inlet(this, agent, true));
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
          leaveFastPath();
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
    loop.execute(
        () -> {
          leaveFastPath();
          agentKeypad.listenInBand(on);
        });
  }

  /** Switches masking of the caller → agent direction on or off. */
  public void secure(boolean on) {
    loop.execute(
        () -> {
          leaveFastPath();
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
      loop.execute(
          () -> {
            leaveFastPath();
            sentinel.close();
          });
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

  /**
   * Of {@link #relayedPackets()}, those the native fast path forwarded (counted at each tick, about
   * every {@value RtpRelay#TICK_MS} ms).
   */
  public long fastPathPackets() {
    return fastForwarded.get();
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

  /** The session's four sockets as its loop watches them. */
  List<Inlet> inlets() {
    return inlets;
  }

  /**
   * Hands to the loop's fast path each direction that may go there now and is not there yet. Relay
   * thread, every tick.
   */
  void refreshFastPath() {
    LoopReadiness readiness = loop.readiness();
    if (closed || !caller.connected(false) || !agent.connected(false)) {
      return;
    }
    try {
      if (!callerFast && callerMayBeFast()) {
        AgentLegStream current = stream.orElseThrow();
        readiness.forward(
            callerRtp,
            agent,
            format.orElseThrow().telephoneEventPayloadType(),
            current.sequenceOffset(),
            true);
        callerFast = true;
      }
      if (!agentFast && agentKeypad.mayIgnoreAudio()) {
        readiness.forward(agentRtp, caller, agentKeypad.telephoneEventPayloadType(), 0, false);
        agentFast = true;
      }
    } catch (IOException e) {
      relay.countFailure();
    }
  }

  private boolean callerMayBeFast() {
    return stream.isPresent()
        && !secureRequested
        && !stream.get().isSecure()
        && !stream.get().isMasking()
        && !sentinel.isOpen();
  }

  /** Takes both directions back from the fast path (if there). Relay thread. */
  private void leaveFastPath() {
    leaveFastPath(LegSide.CALLER);
    leaveFastPath(LegSide.AGENT);
  }

  private void leaveFastPath(LegSide side) {
    if (side == LegSide.CALLER && callerFast) {
      callerFast = false;
      replayCallerHistory();
    } else if (side == LegSide.AGENT && agentFast) {
      agentFast = false;
      loop.readiness().stopForwarding(agentRtp, datagram -> {}, this::addFastPathCounts);
    }
  }

  /**
   * The caller packets the fast path forwarded last, shown to the stream so that its masker's and
   * numbering's state are what they would be had Java forwarded them; nothing is sent.
   */
  private void replayCallerHistory() {
    boolean[] first = {true};
    loop.readiness()
        .stopForwarding(
            callerRtp,
            datagram -> {
              if (stream.isEmpty() || stream.get().isMasking() || stream.get().isSecure()) {
                return;
              }
              try {
                stream.get().replay(RtpPacket.parse(datagram), first[0]);
                first[0] = false;
              } catch (MalformedRtpPacketException e) {
                malformed.incrementAndGet();
              }
            },
            this::addFastPathCounts);
  }

  /**
   * What the fast path did with one of this session's sockets since the last report, collected at
   * {@code now}: a socket that received anything had media then. Relay thread.
   */
  void countFastPath(Inlet inlet, FastPathCounts counts, Instant now) {
    if (counts.received() > 0 && now.isAfter(lastPacket)) {
      lastPacket = now;
      timeoutReported = false;
    }
    addFastPathCounts(inlet, counts);
  }

  private void addFastPathCounts(Inlet inlet, FastPathCounts counts) {
    fastForwarded.addAndGet(counts.forwarded());
    relayed.addAndGet(counts.forwarded());
    dropped.addAndGet(counts.dropped());
  }

  /**
   * A datagram the fast path read from {@code inlet}'s socket and left to Java: the direction is
   * Java's again. Relay thread.
   */
  void handedBack(Inlet inlet, ByteBuffer datagram, Instant now) throws IOException {
    RelayLeg leg = inlet.leg();
    receive(leg.side(), inlet.rtcp(), datagram, leg.peer(inlet.rtcp()), now);
  }

  /** One datagram from {@code from}'s party, between position and limit. Relay thread. */
  void receive(LegSide from, boolean rtcp, ByteBuffer datagram, SocketAddress source, Instant now)
      throws IOException {
    if (!rtcp) {
      leaveFastPath(from);
    }
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
