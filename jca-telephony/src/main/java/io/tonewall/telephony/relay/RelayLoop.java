package io.tonewall.telephony.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One relay thread: a {@link LoopReadiness} watching the sockets of the media sessions given to it
 * (the native fast path, or a Java NIO selector where that is off or cannot load), the tasks other
 * threads queue for those sessions, and their media timeouts. {@link RtpRelay} spreads sessions
 * over its loops; a session stays on its loop for life, so everything about one session happens on
 * one thread.
 *
 * <p>Per poll the loop handles each ready socket as the readiness reports it and reads one datagram
 * per readable socket: readiness is level-triggered, so a socket with more queued is reported again
 * at the next poll, and the receive that would only find the socket empty — one system call per
 * packet at telephony rates — is never made. Queued tasks run before the next socket is handled, so
 * a request (secure mode, a new session) queued before a packet arrived is in force for that
 * packet. With the fast path, sockets of normal-mode calls are forwarded in native code and never
 * reach this class; every {@value RtpRelay#TICK_MS} ms the loop collects their counts and lets each
 * session decide again what the fast path may forward ({@link MediaSession#refreshFastPath}).
 *
 * <p><b>Coalesced wake-ups.</b> Each packet arriving at an idle selector wakes the thread (a
 * context switch and an {@code epoll_wait} per wake-up; in a virtual machine, waking an idle vCPU
 * is the most expensive step of relaying a packet at low load). So after a selection that relayed
 * anything the loop does not block again at once: it pauses until {@value #COALESCE_MICROS} µs
 * after that selection began and then takes everything that arrived meanwhile in one non-blocking
 * selection, so one wake-up serves every packet of that millisecond. The first packet after a quiet
 * spell is relayed as soon as it wakes the loop; a packet arriving during a pause waits at most
 * that long more (well inside a jitter buffer). The loop keeps pausing while each selection finds
 * something and blocks on the selector again as soon as one finds nothing. Tasks queued meanwhile
 * end the pause. (Coalescing only after selections finding two or more ready sockets was the rule
 * before; together with {@link LoopPlacement}'s filling of one loop first, pausing after every
 * selection that found one needed 10–30 % less CPU at 100–500 calls: docs/performance.md.)
 */
final class RelayLoop implements Runnable, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RelayLoop.class.getName());
  private static final int MAX_DATAGRAM = 2048;
  private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

  /** How long after a selection that found something the next one is made. */
  static final long COALESCE_MICROS = 1000;

  private static final long COALESCE_NANOS = COALESCE_MICROS * 1000;

  private final RtpRelay relay;
  private final LoopReadiness readiness;
  private final Clock clock;
  private final Duration mediaTimeout;
  private final Consumer<Instant> ticker;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Set<MediaSession> sessions = ConcurrentHashMap.newKeySet();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM);
  private final ReadyHandler handler = new Handler();
  private volatile boolean started;
  private volatile Thread thread;
  private Instant roundTime;
  private Instant lastFailureLog = Instant.MIN;

  private RelayLoop(
      RtpRelay relay,
      LoopReadiness readiness,
      Clock clock,
      Duration mediaTimeout,
      Consumer<Instant> ticker) {
    this.relay = relay;
    this.readiness = readiness;
    this.clock = clock;
    this.mediaTimeout = mediaTimeout;
    this.ticker = ticker;
  }

  /**
   * @param readiness where the loop learns which sockets are ready; the loop closes it
   * @param ticker called on this loop's thread about every {@value RtpRelay#TICK_MS} ms; must not
   *     block
   */
  static RelayLoop open(
      RtpRelay relay,
      LoopReadiness readiness,
      Clock clock,
      Duration mediaTimeout,
      Consumer<Instant> ticker) {
    return new RelayLoop(relay, readiness, clock, mediaTimeout, ticker);
  }

  LoopReadiness readiness() {
    return readiness;
  }

  /** Sessions on this loop now. */
  int load() {
    return sessions.size();
  }

  /** Takes a session: its sockets are registered on this loop's thread. */
  void adopt(MediaSession session) {
    sessions.add(session);
    execute(
        () -> {
          try {
            register(session);
          } catch (IOException e) {
            relay.countFailure();
            LOG.log(Level.WARNING, "could not register RTP sockets; closing the media session", e);
            session.close();
          }
        });
  }

  /**
   * Forgets a closed session: its sockets leave the readiness (the native fast path no longer uses
   * their descriptors once this returns), then {@code closeSockets} runs. Any thread; never waits
   * for the loop.
   */
  void forget(MediaSession session, Runnable closeSockets) {
    sessions.remove(session);
    deregister(session);
    closeSockets.run();
  }

  private void register(MediaSession session) throws IOException {
    if (session.closed()) {
      return;
    }
    for (Inlet inlet : session.inlets()) {
      readiness.register(inlet);
    }
  }

  private void deregister(MediaSession session) {
    for (Inlet inlet : session.inlets()) {
      readiness.deregister(inlet);
    }
  }

  /** Runs {@code task} on this loop's thread. Any thread. */
  void execute(Runnable task) {
    readiness.taskQueued();
    tasks.add(task);
    readiness.wakeup();
    Thread running = thread;
    if (running != null) {
      LockSupport.unpark(running);
    }
  }

  /** The loop: returns when the relay closes. */
  @Override
  public void run() {
    started = true;
    thread = Thread.currentThread();
    Instant nextTick = clock.instant();
    boolean busy = false;
    long selectionStart = 0;
    try {
      while (relay.running()) {
        runTasks();
        roundTime = null;
        int ready;
        if (busy) {
          long pause = selectionStart + COALESCE_NANOS - System.nanoTime();
          if (pause > 0 && tasks.isEmpty()) {
            LockSupport.parkNanos(this, pause);
          }
          selectionStart = System.nanoTime();
          ready = readiness.poll(0, handler);
        } else {
          ready = readiness.poll(RtpRelay.TICK_MS, handler);
          selectionStart = System.nanoTime();
        }
        busy = ready > 0;
        runTasks();
        Instant now = now();
        if (!now.isBefore(nextTick)) {
          nextTick = now.plusMillis(RtpRelay.TICK_MS);
          try {
            tick(now);
          } catch (RuntimeException e) {
            failure("tick", e, now); // never stops the loop
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the RTP relay's readiness failed", e);
    } catch (ClosedSelectorException e) {
      LOG.fine("RTP relay selector closed");
    } finally {
      thread = null;
      finished.countDown();
    }
  }

  private void tick(Instant now) {
    if (readiness.forwards()) {
      readiness.collect((inlet, counts) -> inlet.session().countFastPath(inlet, counts, now));
    }
    for (MediaSession session : sessions) {
      session.checkTimeout(now, mediaTimeout);
      if (readiness.forwards()) {
        session.refreshFastPath();
      }
    }
    ticker.accept(now);
  }

  /** The time of this selection round, read once per round. */
  private Instant now() {
    Instant now = roundTime;
    if (now == null) {
      now = clock.instant();
      roundTime = now;
    }
    return now;
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      try {
        task.run();
      } catch (RuntimeException e) {
        failure("task", e, now()); // one session's request failing never stops the loop
      } finally {
        readiness.taskDone();
      }
    }
  }

  /** What the readiness found, handled with queued tasks first. */
  private final class Handler implements ReadyHandler {

    @Override
    public void readable(Inlet inlet) {
      runTasks();
      if (!inlet.session().closed()) {
        relayOne(inlet, now());
      }
    }

    @Override
    public void handedBack(Inlet inlet, ByteBuffer datagram) {
      runTasks();
      Instant now = now();
      if (inlet.session().closed()) {
        return;
      }
      try {
        inlet.session().handedBack(inlet, datagram, now);
      } catch (IOException | RuntimeException e) {
        failure("relay", e, now);
      }
    }
  }

  /** Relays one datagram from a socket the selector reported readable. */
  private void relayOne(Inlet inlet, Instant now) {
    buffer.clear();
    SocketAddress source;
    try {
      source = inlet.leg().receive(buffer, inlet.rtcp());
    } catch (IOException e) {
      failure("receive", e, now);
      return;
    }
    if (source == null || inlet.session().closed()) {
      return;
    }
    buffer.flip();
    try {
      inlet.session().receive(inlet.leg().side(), inlet.rtcp(), buffer, source, now);
    } catch (IOException | RuntimeException e) {
      failure("relay", e, now);
    }
  }

  private void failure(String what, Exception e, Instant now) {
    long failures = relay.countFailure();
    if (Duration.between(lastFailureLog, now).compareTo(LOG_INTERVAL) >= 0) {
      lastFailureLog = now;
      LOG.log(
          Level.WARNING,
          "RTP " + what + " failed (" + failures + " failures so far; logged once a minute)",
          e);
    }
  }

  /**
   * Waits up to {@code timeout} for the loop to return, then closes its readiness. A loop that does
   * not return in time keeps its native readiness (freeing it under a running poll is not safe).
   */
  void awaitAndClose(Duration timeout) {
    readiness.wakeup();
    boolean ended = !started;
    try {
      if (started) {
        ended = finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!ended && readiness.needsDeregistration()) {
      LOG.warning("an RTP relay loop did not stop in time; its epoll set is left open");
      return;
    }
    try {
      readiness.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "closing the RTP relay's readiness failed", e);
    }
  }

  /**
   * Stops the whole relay (its sessions are spread over every loop): what happens when the
   * adapter's WorkManager takes a loop's thread back.
   */
  @Override
  public void close() {
    relay.close();
  }
}
