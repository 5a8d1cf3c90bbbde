package io.tonewall.telephony.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RTP relay: every call's sockets on one NIO {@link Selector}, served by one thread that runs
 * {@link #run()} (in the adapter, a {@code Work} on the JCA {@code WorkManager}). Ports come from a
 * {@link PortRange}. The thread also runs the periodic checks: media timeouts, and the ticker the
 * owner passes (digit collectors' timeouts), about every {@value #TICK_MS} ms.
 *
 * <p>A packet that fails never stops the relay: malformed datagrams are counted and dropped, and a
 * failure while handling one packet is counted and logged at most once a minute.
 */
public final class RtpRelay implements Runnable, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RtpRelay.class.getName());
  static final int TICK_MS = 100;
  private static final int MAX_DATAGRAM = 2048;
  private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

  private final InetAddress bindAddress;
  private final PortRange ports;
  private final Clock clock;
  private final Duration mediaTimeout;
  private final int lookaheadMs;
  private final Consumer<Instant> ticker;
  private final Selector selector;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<MediaSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean running = true;
  private Instant lastFailureLog = Instant.MIN;

  private RtpRelay(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      Duration mediaTimeout,
      int lookaheadMs,
      Consumer<Instant> ticker,
      Selector selector) {
    this.bindAddress = bindAddress;
    this.ports = ports;
    this.clock = clock;
    this.mediaTimeout = mediaTimeout;
    this.lookaheadMs = lookaheadMs;
    this.ticker = ticker;
    this.selector = selector;
  }

  /**
   * Opens the relay's selector; nothing is relayed until a thread runs {@link #run()}.
   *
   * @param ticker called on the relay thread about every {@value #TICK_MS} ms with the clock's
   *     instant; must not block
   */
  public static RtpRelay open(
      InetAddress bindAddress,
      PortRange ports,
      Clock clock,
      Duration mediaTimeout,
      int lookaheadMs,
      Consumer<Instant> ticker)
      throws IOException {
    return new RtpRelay(
        bindAddress, ports, clock, mediaTimeout, lookaheadMs, ticker, Selector.open());
  }

  /**
   * Binds two port pairs (caller side, agent side) and starts relaying between them.
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
    MediaSession session =
        new MediaSession(this, caller, agent, listener, lookaheadMs, clock.instant());
    sessions.add(session);
    execute(
        () -> {
          try {
            register(session, caller);
            register(session, agent);
          } catch (IOException e) {
            failed.incrementAndGet();
            LOG.log(Level.WARNING, "could not register RTP sockets; closing the media session", e);
            session.close();
          }
        });
    return session;
  }

  private void register(MediaSession session, RelayLeg leg) throws IOException {
    leg.rtp().register(selector, SelectionKey.OP_READ, new Inlet(session, leg.side(), false));
    leg.rtcp().register(selector, SelectionKey.OP_READ, new Inlet(session, leg.side(), true));
  }

  private RelayLeg bindLeg(LegSide side) throws RtpPortsExhaustedException {
    for (int attempt = 0; attempt < Math.min(ports.capacity(), 16); attempt++) {
      OptionalInt port = ports.take();
      if (port.isEmpty()) {
        break;
      }
      DatagramChannel rtp = null;
      try {
        rtp = bound(port.getAsInt());
        DatagramChannel rtcp = bound(port.getAsInt() + 1);
        return new RelayLeg(side, rtp, rtcp, port.getAsInt());
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

  /** Runs {@code task} on the relay thread. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  void countMalformed() {
    malformed.incrementAndGet();
  }

  /** Closes a session's sockets and frees its ports at once, from any thread. */
  void release(MediaSession session) {
    if (sessions.remove(session)) {
      closeLeg(session.leg(LegSide.CALLER));
      closeLeg(session.leg(LegSide.AGENT));
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

  /** The relay loop: returns when {@link #close()} is called. */
  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    Instant nextTick = clock.instant();
    try {
      while (running) {
        selector.select(TICK_MS);
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        Instant now = clock.instant();
        Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
        while (selected.hasNext()) {
          SelectionKey key = selected.next();
          selected.remove();
          if (key.isValid() && key.attachment() instanceof Inlet inlet) {
            relayOne((DatagramChannel) key.channel(), inlet, buffer, now);
          }
        }
        if (!now.isBefore(nextTick)) {
          nextTick = now.plusMillis(TICK_MS);
          for (MediaSession session : sessions) {
            session.checkTimeout(now, mediaTimeout);
          }
          ticker.accept(now);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the RTP relay's selector failed", e);
    } catch (ClosedSelectorException e) {
      LOG.fine("RTP relay selector closed");
    } finally {
      finished.countDown();
    }
  }

  /**
   * Relays one datagram from a socket the selector reported readable. One per selection, not until
   * the socket is empty: the selector is level-triggered, so a socket with more queued is reported
   * again at the next select, and the receive that would only find the socket empty (a system call
   * per packet at telephony rates, where a socket rarely holds more than one) is never made.
   */
  private void relayOne(DatagramChannel channel, Inlet inlet, ByteBuffer buffer, Instant now) {
    buffer.clear();
    SocketAddress source;
    try {
      source = channel.receive(buffer);
    } catch (IOException e) {
      failure("receive", e, now);
      return;
    }
    if (source == null || inlet.session().closed()) {
      return;
    }
    buffer.flip();
    try {
      inlet.session().receive(inlet.side(), inlet.rtcp(), buffer, source, now);
    } catch (IOException | RuntimeException e) {
      failure("relay", e, now);
    }
  }

  private void failure(String what, Exception e, Instant now) {
    failed.incrementAndGet();
    if (Duration.between(lastFailureLog, now).compareTo(LOG_INTERVAL) >= 0) {
      lastFailureLog = now;
      LOG.log(
          Level.WARNING,
          "RTP " + what + " failed (" + failed.get() + " failures so far; logged once a minute)",
          e);
    }
  }

  /** Counters for metrics and leak tests. */
  public RelayMetrics metrics() {
    return new RelayMetrics(sessions.size(), ports.portsInUse(), malformed.get(), failed.get());
  }

  /** Stops the loop, closes every session and frees every port. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      finished.await(2, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (MediaSession session : new ArrayList<>(sessions)) {
      session.close();
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the RTP selector failed", e);
    }
  }

  /** Whether the loop may still be running (the adapter's Work checks it). */
  public boolean running() {
    return running;
  }

  /** Which socket a selected key belongs to. */
  private record Inlet(MediaSession session, LegSide side, boolean rtcp) {}
}
