package io.tonewall.telephony.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RTP relay: every call's sockets, spread over one or more {@link RelayLoop}s — each a thread
 * with its own readiness (the native fast path's epoll set, or a Java NIO selector; in the adapter,
 * a {@code Work} on the JCA {@code WorkManager}) — so that the relay is not bounded by one core. A
 * new session goes to a loop chosen by the relay's {@link LoopPlacement} (the first loops fill up
 * first) and stays there. Ports come from a {@link PortRange}. The first loop also runs the ticker
 * the owner passes (digit collectors' timeouts) about every {@value #TICK_MS} ms; every loop checks
 * its own sessions' media timeouts.
 *
 * <p>A packet that fails never stops the relay: malformed datagrams are counted and dropped, and a
 * failure while handling one packet is counted and logged at most once a minute per loop.
 */
public final class RtpRelay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RtpRelay.class.getName());
  static final int TICK_MS = 100;
  private static final Duration STOP_WAIT = Duration.ofSeconds(2);

  private final InetAddress bindAddress;
  private final PortRange ports;
  private final Clock clock;
  private final int lookaheadMs;
  private final LoopPlacement placement;
  private boolean nativeFastPath;
  private final List<RelayLoop> loops = new ArrayList<>();
  private final Set<MediaSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean running = true;

  private RtpRelay(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      int lookaheadMs,
      LoopPlacement placement) {
    this.bindAddress = bindAddress;
    this.placement = placement;
    this.ports = ports;
    this.clock = clock;
    this.lookaheadMs = lookaheadMs;
  }

  /**
   * A relay with one loop; see {@link #open(InetAddress, PortRange, Clock, Duration, int, int,
   * Consumer)}.
   */
  public static RtpRelay open(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      Duration mediaTimeout,
      int lookaheadMs,
      Consumer<Instant> ticker)
      throws IOException {
    return open(bindAddress, ports, clock, mediaTimeout, lookaheadMs, 1, ticker);
  }

  /**
   * Opens the relay's selectors; nothing is relayed until {@link #start} has given every loop a
   * thread.
   *
   * @param threads relay loops (threads), at least 1
   * @param ticker called on the first loop's thread about every {@value #TICK_MS} ms with the
   *     clock's instant; must not block
   * @throws IllegalArgumentException if {@code threads} is below 1
   */
  public static RtpRelay open(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      Duration mediaTimeout,
      int lookaheadMs,
      int threads,
      Consumer<Instant> ticker)
      throws IOException {
    return open(
        bindAddress, ports, clock, mediaTimeout, lookaheadMs, threads, RelayFastPath.AUTO, ticker);
  }

  /**
   * Opens the relay's loops; nothing is relayed until {@link #start} has given every loop a thread.
   *
   * @param threads relay loops (threads), at least 1
   * @param fastPath whether normal-mode RTP is forwarded in native code
   * @param ticker called on the first loop's thread about every {@value #TICK_MS} ms with the
   *     clock's instant; must not block
   * @throws IllegalArgumentException if {@code threads} is below 1
   * @throws IllegalStateException if {@code fastPath} is {@link RelayFastPath#NATIVE} and the
   *     native library cannot be used here
   */
  public static RtpRelay open(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      Duration mediaTimeout,
      int lookaheadMs,
      int threads,
      RelayFastPath fastPath,
      Consumer<Instant> ticker)
      throws IOException {
    return open(
        bindAddress,
        ports,
        clock,
        mediaTimeout,
        lookaheadMs,
        threads,
        LoopPlacement.FILL_FIRST,
        fastPath,
        ticker);
  }

  /** As the public {@code open}, placing new sessions on loops as {@code placement} says. */
  static RtpRelay open(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      Duration mediaTimeout,
      int lookaheadMs,
      int threads,
      LoopPlacement placement,
      RelayFastPath fastPath,
      Consumer<Instant> ticker)
      throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("the RTP relay needs at least one thread, not " + threads);
    }
    boolean nativeFastPath = fastPath.useNative();
    RtpRelay relay = new RtpRelay(bindAddress, ports, clock, lookaheadMs, placement);
    relay.nativeFastPath = nativeFastPath;
    try {
      for (int i = 0; i < threads; i++) {
        LoopReadiness readiness =
            nativeFastPath ? NativeReadiness.open() : SelectorReadiness.open();
        relay.loops.add(
            RelayLoop.open(relay, readiness, clock, mediaTimeout, i == 0 ? ticker : now -> {}));
      }
    } catch (IOException e) {
      relay.close();
      throw e;
    }
    return relay;
  }

  /** Whether normal-mode RTP is forwarded in native code. */
  public boolean nativeFastPath() {
    return nativeFastPath;
  }

  /**
   * Hands every loop to {@code executor}, one long-running task each (the executor must run them
   * all at once: a thread per loop).
   *
   * @throws RejectedExecutionException when the executor refuses a loop; the relay is then closed
   */
  public void start(Executor executor) {
    try {
      for (RelayLoop loop : loops) {
        executor.execute(loop);
      }
    } catch (RejectedExecutionException e) {
      close();
      throw e;
    }
  }

  /** Relay loops (threads). */
  public int threads() {
    return loops.size();
  }

  /**
   * Binds two port pairs (caller side, agent side) and starts relaying between them on the loop the
   * relay's {@link LoopPlacement} chooses.
   *
   * @throws RtpPortsExhaustedException when no two free pairs can be bound
   */
  public MediaSession allocate(MediaListener listener) throws RtpPortsExhaustedException {
    if (!running) {
      throw new RtpPortsExhaustedException("the RTP relay is stopped");
    }
    RelayLeg caller = bindLeg(LegSide.CALLER);
    RelayLeg agent;
    try {
      agent = bindLeg(LegSide.AGENT);
    } catch (RtpPortsExhaustedException e) {
      closeLeg(caller);
      throw e;
    }
    RelayLoop loop;
    synchronized (loops) {
      loop = placement.choose(loops, RelayLoop::load);
    }
    MediaSession session =
        new MediaSession(this, loop, caller, agent, listener, lookaheadMs, clock.instant());
    sessions.add(session);
    loop.adopt(session);
    return session;
  }

  /**
   * Binds one port pair of the range for media Tonewall terminates itself (the IVR); counted in
   * {@link #metrics()}'s ports like the relay's own.
   *
   * @throws RtpPortsExhaustedException when no free pair can be bound
   */
  public BoundPorts bindPorts() throws RtpPortsExhaustedException {
    if (!running) {
      throw new RtpPortsExhaustedException("the RTP relay is stopped");
    }
    return bindPair();
  }

  /** Closes a pair from {@link #bindPorts()} and frees it. Idempotent per pair. */
  public void release(BoundPorts bound) {
    try {
      bound.rtp().close();
      bound.rtcp().close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing IVR RTP sockets failed; their ports are freed anyway", e);
    } finally {
      try {
        ports.release(bound.port());
      } catch (IllegalArgumentException alreadyFree) {
        LOG.log(Level.FINE, "IVR RTP port pair released twice", alreadyFree);
      }
    }
  }

  private RelayLeg bindLeg(LegSide side) throws RtpPortsExhaustedException {
    BoundPorts bound = bindPair();
    return new RelayLeg(side, bound.rtp(), bound.rtcp(), bound.port());
  }

  private BoundPorts bindPair() throws RtpPortsExhaustedException {
    for (int attempt = 0; attempt < Math.min(ports.capacity(), 16); attempt++) {
      OptionalInt port = ports.take();
      if (port.isEmpty()) {
        break;
      }
      DatagramChannel rtp = null;
      try {
        rtp = bound(port.getAsInt());
        DatagramChannel rtcp = bound(port.getAsInt() + 1);
        return new BoundPorts(rtp, rtcp, port.getAsInt());
      } catch (IOException e) {
        ports.release(port.getAsInt());
        if (rtp != null) {
          closeQuietly(rtp);
        }
        LOG.fine(() -> "RTP port " + port.getAsInt() + " could not be bound, trying the next pair");
      }
    }
    throw new RtpPortsExhaustedException(
        "no free RTP port pair in the configured range (" + ports.portsInUse() + " ports in use)");
  }

  private DatagramChannel bound(int port) throws IOException {
    DatagramChannel channel =
        DatagramChannel.open(
            bindAddress instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
    try {
      channel.bind(new InetSocketAddress(bindAddress, port));
      channel.configureBlocking(false);
      return channel;
    } catch (IOException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static void closeQuietly(DatagramChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing an unbound RTP socket failed", e);
    }
  }

  void countMalformed() {
    malformed.incrementAndGet();
  }

  /** Counts a packet whose handling failed; the count so far. */
  long countFailure() {
    return failed.incrementAndGet();
  }

  /**
   * Closes a session's sockets and frees its ports at once, from any thread, after its loop's
   * readiness has let go of them ({@link RelayLoop#forget}).
   */
  void release(MediaSession session) {
    if (sessions.remove(session)) {
      session
          .loop()
          .forget(
              session,
              () -> {
                closeLeg(session.leg(LegSide.CALLER));
                closeLeg(session.leg(LegSide.AGENT));
              });
    }
  }

  private void closeLeg(RelayLeg leg) {
    try {
      leg.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing RTP sockets failed; their ports are freed anyway", e);
    } finally {
      ports.release(leg.port());
    }
  }

  /** Counters for metrics and leak tests. */
  public RelayMetrics metrics() {
    return new RelayMetrics(sessions.size(), ports.portsInUse(), malformed.get(), failed.get());
  }

  /** Stops every loop, closes every session and frees every port. Idempotent. */
  @Override
  public void close() {
    running = false;
    for (RelayLoop loop : loops) {
      loop.awaitAndClose(STOP_WAIT);
    }
    for (MediaSession session : new ArrayList<>(sessions)) {
      session.close();
    }
  }

  /** Whether the loops may still be running (the adapter's Work checks it). */
  public boolean running() {
    return running;
  }
}
