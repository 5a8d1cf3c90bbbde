package io.tonewall.telephony.ivr;

import io.tonewall.telephony.relay.BoundPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The IVR's media thread (in the adapter a {@code Work} on the WorkManager, like the relay's
 * loops): one NIO selector for every IVR call's sockets, and the pacing of their prompts. Each
 * round it reads what arrived, then sends every session's frames due by the injected clock, and
 * sleeps until the next frame is due (at most {@value #IDLE_MS} ms when nothing plays). Separate
 * from the relay's loops on purpose: it terminates media rather than relaying it.
 *
 * <p>A failure with one packet never stops the loop; it is counted and logged at most once a
 * minute.
 */
public final class IvrMediaLoop implements Runnable, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(IvrMediaLoop.class.getName());
  private static final int MAX_DATAGRAM = 2048;
  static final long IDLE_MS = 100;
  private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

  private final Selector selector;
  private final Clock clock;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<IvrMediaSession> sessions = ConcurrentHashMap.newKeySet();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
  private final SecureRandom random = new SecureRandom();
  private volatile boolean running = true;
  private volatile boolean started;
  private long failures;
  private Instant lastFailureLog = Instant.MIN;

  private IvrMediaLoop(Selector selector, Clock clock) {
    this.selector = selector;
    this.clock = clock;
  }

  /** Opens the selector; nothing moves until {@link #run()} has a thread. */
  public static IvrMediaLoop open(Clock clock) throws IOException {
    return new IvrMediaLoop(Selector.open(), clock);
  }

  /**
   * A media session on {@code ports}: prompts sent as {@code audioPayloadType} with a random SSRC,
   * sequence and timestamp (RFC 3550), keys reported to {@code listener}.
   *
   * @param release gives the ports back (closes and frees them) when the session closes
   */
  public IvrMediaSession open(
      BoundPorts ports,
      Consumer<BoundPorts> release,
      int audioPayloadType,
      IvrMediaListener listener) {
    PromptPlayer player =
        new PromptPlayer(
            audioPayloadType,
            random.nextInt() & 0xFFFFFFFFL,
            random.nextInt(1 << 16),
            random.nextInt() & 0xFFFFFFFFL,
            clock.instant());
    IvrMediaSession session =
        new IvrMediaSession(this, ports, release, player, listener, clock.instant());
    if (!running) {
      session.close();
      throw new IllegalStateException("the IVR media loop is stopped");
    }
    sessions.add(session);
    execute(
        () -> {
          try {
            register(session, ports.rtp(), false);
            register(session, ports.rtcp(), true);
          } catch (ClosedChannelException e) {
            LOG.log(Level.FINE, "IVR media session closed before its sockets were registered", e);
          }
        });
    return session;
  }

  private void register(IvrMediaSession session, DatagramChannel channel, boolean rtcp)
      throws ClosedChannelException {
    if (!session.closed()) {
      channel.register(selector, SelectionKey.OP_READ, new Inlet(session, channel, rtcp));
    }
  }

  /** Live IVR media sessions. */
  public int sessions() {
    return sessions.size();
  }

  void forget(IvrMediaSession session) {
    sessions.remove(session);
    selector.wakeup();
  }

  /** Runs {@code task} on the media thread. Any thread. */
  void execute(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  @Override
  public void run() {
    started = true;
    try {
      while (running) {
        runTasks();
        selector.select(this::ready, timeoutMillis());
        runTasks();
        Instant now = clock.instant();
        for (IvrMediaSession session : sessions) {
          try {
            session.tick(now);
          } catch (IOException | RuntimeException e) {
            failure("send", e, now);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the IVR media selector failed", e);
    } catch (ClosedSelectorException e) {
      LOG.fine("IVR media selector closed");
    } finally {
      finished.countDown();
    }
  }

  private long timeoutMillis() {
    Instant now = clock.instant();
    long millis = IDLE_MS;
    for (IvrMediaSession session : sessions) {
      Optional<Instant> due = session.nextDue(now);
      if (due.isPresent()) {
        millis = Math.min(millis, Math.max(1, Duration.between(now, due.get()).toMillis()));
      }
    }
    return millis;
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      task.run();
    }
  }

  private void ready(SelectionKey key) {
    if (!key.isValid() || !(key.attachment() instanceof Inlet inlet)) {
      return;
    }
    buffer.clear();
    try {
      SocketAddress source = inlet.channel().receive(buffer);
      if (source == null) {
        return;
      }
      buffer.flip();
      inlet.session().receive(buffer, source, inlet.rtcp(), clock.instant());
    } catch (IOException | RuntimeException e) {
      failure("receive", e, clock.instant());
    }
  }

  private void failure(String what, Exception e, Instant now) {
    failures++;
    if (Duration.between(lastFailureLog, now).compareTo(LOG_INTERVAL) >= 0) {
      lastFailureLog = now;
      LOG.log(
          Level.WARNING,
          "IVR RTP " + what + " failed (" + failures + " failures so far; logged once a minute)",
          e);
    }
  }

  /** Stops the thread, closes every session (ports freed) and the selector. Idempotent. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      if (started) {
        finished.await(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (IvrMediaSession session : new ArrayList<>(sessions)) {
      session.close();
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the IVR media selector failed", e);
    }
  }

  /** Which socket a selected key belongs to. */
  private record Inlet(IvrMediaSession session, DatagramChannel channel, boolean rtcp) {}
}
