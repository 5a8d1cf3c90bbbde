package io.tonewall.telephony.ivr;

import io.tonewall.telephony.relay.BoundPorts;
import io.tonewall.telephony.rtp.MalformedRtpPacketException;
import io.tonewall.telephony.rtp.MediaPacketKind;
import io.tonewall.telephony.rtp.RtpPacket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The media of one IVR call: one RTP/RTCP port pair of the relay's range, a {@link PromptPlayer}
 * sending prompts to the caller and an {@link IvrKeypad} listening to the caller. Symmetric RTP: it
 * sends to the address SDP named until the caller's first well-formed RTP packet, then to where
 * that came from. Incoming RTCP is read and dropped (Tonewall sends none for IVR calls).
 *
 * <p>Packets are handled on the {@link IvrMediaLoop}'s thread; {@link #expect}, {@link #negotiate}
 * and {@link #close} may be called from any thread.
 */
public final class IvrMediaSession {

  private final IvrMediaLoop loop;
  private final BoundPorts ports;
  private final Consumer<BoundPorts> release;
  private final PromptPlayer player;
  private final IvrKeypad keypad;
  private final IvrMediaListener listener;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private volatile Optional<InetSocketAddress> target = Optional.empty();
  private volatile boolean latched;
  private volatile boolean closed;
  private volatile Instant lastHeard;
  private boolean drained = true;

  IvrMediaSession(
      IvrMediaLoop loop,
      BoundPorts ports,
      Consumer<BoundPorts> release,
      PromptPlayer player,
      IvrMediaListener listener,
      Instant opened) {
    this.loop = loop;
    this.lastHeard = opened;
    this.ports = ports;
    this.release = release;
    this.player = player;
    this.listener = listener;
    this.keypad = new IvrKeypad(listener::key);
  }

  /** Tonewall's RTP port for this call (RTCP is the port above). */
  public int port() {
    return ports.port();
  }

  /** The prompt player: queue prompts, barge in, hold. */
  public PromptPlayer player() {
    return player;
  }

  /**
   * Where the caller said in SDP it receives media; a connection address 0.0.0.0 or port 0 sends
   * nothing until the caller's packets show where it is. A new address (re-INVITE) unlatches.
   */
  public void expect(String address, int port) {
    if (port == 0 || "0.0.0.0".equals(address)) {
      return;
    }
    InetSocketAddress named = new InetSocketAddress(address, port);
    if (target.isEmpty() || !latched || !named.equals(target.get())) {
      target = Optional.of(named);
      latched = false;
    }
  }

  /** The negotiated audio (0 or 8) and telephone-event (-1: none) payload types. */
  public void negotiate(int audioPayloadType, int telephoneEventPayloadType) {
    player.payloadType(audioPayloadType);
    loop.execute(() -> keypad.telephoneEventPayloadType(telephoneEventPayloadType));
  }

  /** RTP packets received from the caller. */
  public long receivedPackets() {
    return received.get();
  }

  /** RTP packets sent to the caller. */
  public long sentPackets() {
    return sent.get();
  }

  public boolean closed() {
    return closed;
  }

  /** Stops the prompts, closes the sockets and frees the ports at once. Idempotent. */
  public void close() {
    if (!closed) {
      closed = true;
      player.clear();
      loop.forget(this);
      release.accept(ports);
    }
  }

  BoundPorts ports() {
    return ports;
  }

  /**
   * Whether nothing (RTP or RTCP) has come from the caller for {@code timeout} while not on hold: a
   * caller gone without BYE.
   */
  public boolean silentFor(Duration timeout, Instant now) {
    return !player.held() && Duration.between(lastHeard, now).compareTo(timeout) >= 0;
  }

  /** One datagram from the caller, between position and limit. Media thread. */
  void receive(ByteBuffer datagram, SocketAddress source, boolean rtcp, Instant now) {
    if (closed) {
      return;
    }
    lastHeard = now;
    if (rtcp || MediaPacketKind.classify(datagram) != MediaPacketKind.RTP) {
      return;
    }
    RtpPacket packet;
    try {
      packet = RtpPacket.parse(datagram);
    } catch (MalformedRtpPacketException e) {
      malformed.incrementAndGet();
      return;
    }
    received.incrementAndGet();
    if (!latched && source instanceof InetSocketAddress from) {
      target = Optional.of(from);
      latched = true;
    }
    keypad.listen(packet);
  }

  /** Sends the frames due by {@code now}; reports when the queue has drained. Media thread. */
  void tick(Instant now) throws IOException {
    if (closed) {
      return;
    }
    for (byte[] frame : player.due(now)) {
      Optional<InetSocketAddress> to = target;
      if (to.isPresent()) {
        ports.rtp().send(ByteBuffer.wrap(frame), to.get());
        sent.incrementAndGet();
      }
      drained = false;
    }
    if (!drained && player.idle()) {
      drained = true;
      listener.promptsDrained();
    }
  }

  /** When this session next has a frame to send. Media thread. */
  Optional<Instant> nextDue(Instant now) {
    return closed ? Optional.empty() : player.nextDue(now);
  }
}
