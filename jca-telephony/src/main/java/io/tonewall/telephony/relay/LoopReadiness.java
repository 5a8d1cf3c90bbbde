package io.tonewall.telephony.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a {@link RelayLoop} learns which of its sockets have datagrams: a Java NIO selector ({@link
 * SelectorReadiness}), or the native fast path ({@link NativeReadiness}), which can also forward
 * plain normal-mode RTP itself. Used by the loop's thread only, except {@link #wakeup()}, {@link
 * #taskQueued()} and {@link #deregister} (any thread) and {@link #close()} (once the loop no longer
 * runs).
 */
interface LoopReadiness extends AutoCloseable {

  /** Watches a socket; it is reported to the loop until deregistered or closed. */
  void register(Inlet inlet) throws IOException;

  /**
   * Stops watching a socket, before it is closed: once this returns, the readiness no longer uses
   * it. Any thread.
   */
  void deregister(Inlet inlet);

  /**
   * @return true when a socket must be deregistered before it is closed (the native fast path);
   *     false when closing it is enough (a selector cancels its keys itself)
   */
  boolean needsDeregistration();

  /**
   * Waits up to {@code timeoutMs} for datagrams, 0 for not at all, and hands what Java must handle
   * to {@code handler}.
   *
   * @return sockets that had datagrams, whether Java or the fast path handled them
   */
  int poll(long timeoutMs, ReadyHandler handler) throws IOException;

  /** Ends a {@link #poll} that is waiting, or the next one. Any thread. */
  void wakeup();

  /**
   * A task is about to be queued for the loop: until {@link #taskDone()} nothing is forwarded
   * without Java, so the task is in force for every datagram read after it was queued. Any thread.
   */
  void taskQueued();

  /** A queued task has run. Loop thread. */
  void taskDone();

  /** Frees what the readiness holds; its sockets are closed by their sessions. */
  @Override
  void close() throws IOException;

  /**
   * @return whether this readiness can forward RTP itself ({@link #forward})
   */
  boolean forwards();

  /**
   * Has the fast path forward plain RTP arriving on {@code from} (an RTP socket, latched and
   * connected) to {@code to}'s RTP socket (connected), adding {@code sequenceOffset} to each
   * sequence number. A datagram of {@code eventPayloadType} or one that is not plain RTP is handed
   * back with the socket. Only where {@link #forwards()}.
   *
   * @param keepHistory remember the last datagrams forwarded, for {@link #stopForwarding}
   */
  void forward(
      Inlet from, RelayLeg to, int eventPayloadType, int sequenceOffset, boolean keepHistory)
      throws IOException;

  /**
   * Takes {@code from} back to Java: hands its remembered datagrams (oldest first, each between
   * position and limit) to {@code history} and its last counts to {@code counts}.
   */
  void stopForwarding(
      Inlet from, Consumer<ByteBuffer> history, BiConsumer<Inlet, FastPathCounts> counts);

  /** Hands each socket's counts since the last call, where there are any, to {@code counts}. */
  void collect(BiConsumer<Inlet, FastPathCounts> counts);
}
