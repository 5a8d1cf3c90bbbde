package io.tonewall.telephony.relay;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A relay loop's readiness from the native fast path ({@link NativeFastPath}): one epoll set for
 * the loop's sockets, and forwarding of plain RTP in native code for sockets Java has handed over
 * with {@link #forward}. A normal-mode call then costs the relay a receive and a send per packet,
 * with no Java in between; the fast path's counts reach the sessions at each tick ({@link
 * #collect}).
 *
 * <p><b>Java stays in charge.</b> The fast path only forwards sockets Java put in FORWARD mode, and
 * hands a socket back with the first datagram it will not forward (RTCP, a telephone-event,
 * anything but plain RTP). A count of tasks queued for the loop and not yet run lives in a buffer
 * both sides see ({@link #taskQueued} raises it before the task is queued): while it is not zero,
 * every datagram the native code reads is handed back and handled after the tasks — a request
 * queued before a datagram is read is in force for that datagram, as with the selector. Sessions
 * take their sockets back before anything that changes how a packet is handled (secure mode, a new
 * payload format, listening for the agent's keys), on the loop's thread.
 *
 * <p>Sockets are known by a token (an index into the tables here). A socket must be deregistered
 * before it is closed, so that its descriptor number is never used after the kernel gives it to
 * another socket; deregistering may happen on any thread (a call ended by SIP): the native table is
 * guarded by a mutex that a poll holds while it handles a batch, and the Java tables by this
 * object's monitor. Everything else is the loop's thread's.
 */
final class NativeReadiness implements LoopReadiness {

  private static final int MAX_EVENTS = 256;
  private static final int HISTORY_BYTES = 16 * 1024;
  private static final VarHandle PENDING =
      MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
  private static final int EVENT_SHIFT = 16;
  private static final int COUNT_MASK = (1 << EVENT_SHIFT) - 1;

  private final long handle;
  private final ByteBuffer pending;
  private final int[] results = new int[2 * MAX_EVENTS];
  private final Inlet[] found = new Inlet[MAX_EVENTS];
  private final ByteBuffer slots =
      ByteBuffer.allocateDirect(MAX_EVENTS * NativeFastPath.SLOT_BYTES);
  private final ByteBuffer history = ByteBuffer.allocateDirect(HISTORY_BYTES);
  private final Map<DatagramChannel, Integer> tokens = new IdentityHashMap<>();
  private final Deque<Integer> freeTokens = new ArrayDeque<>();
  private Inlet[] inlets = new Inlet[64];
  private int[] descriptors = new int[64];
  private long[] counts = new long[3 * 64];
  private long[] reported = new long[3 * 64];
  private int nextToken;
  private boolean closed;

  private NativeReadiness(long handle, ByteBuffer pending) {
    this.handle = handle;
    this.pending = pending;
  }

  /**
   * @throws IOException when the epoll set cannot be made
   * @throws IllegalStateException when the native library is not available
   */
  static NativeReadiness open() throws IOException {
    NativeFastPath.unavailableBecause()
        .ifPresent(
            reason -> {
              throw new IllegalStateException(reason);
            });
    ByteBuffer pending = ByteBuffer.allocateDirect(Long.BYTES).order(ByteOrder.nativeOrder());
    return new NativeReadiness(NativeFastPath.open(MAX_EVENTS, pending), pending);
  }

  @Override
  public synchronized void register(Inlet inlet) throws IOException {
    if (closed) {
      throw new IOException("the relay loop is closed");
    }
    if (inlet.session() != null && inlet.session().closed()) {
      return; // closed meanwhile by another thread, which found nothing to deregister
    }
    DatagramChannel channel = channel(inlet);
    int fd = NativeFastPath.descriptor(channel);
    if (fd < 0) {
      throw new IOException("the RTP socket has no descriptor (closed?)");
    }
    int token = freeTokens.isEmpty() ? nextToken++ : freeTokens.pop();
    grow(token);
    NativeFastPath.watch(handle, token, fd);
    tokens.put(channel, token);
    inlets[token] = inlet;
    descriptors[token] = fd;
    Arrays.fill(reported, 3 * token, 3 * token + 3, 0);
  }

  @Override
  public synchronized void deregister(Inlet inlet) {
    Integer token = tokens.remove(channel(inlet));
    if (token == null || closed) {
      return;
    }
    NativeFastPath.unwatch(handle, token);
    inlets[token] = null;
    descriptors[token] = -1;
    freeTokens.push(token);
  }

  @Override
  public boolean needsDeregistration() {
    return true;
  }

  @Override
  public int poll(long timeoutMs, ReadyHandler handler) throws IOException {
    int packed =
        NativeFastPath.poll(handle, (int) Math.min(timeoutMs, Integer.MAX_VALUE), results, slots);
    int count = packed & COUNT_MASK;
    for (int i = 0; i < count; i++) {
      found[i] = inlets[results[2 * i]]; // before any handler runs tasks that may reuse a token
    }
    for (int i = 0; i < count; i++) {
      Inlet inlet = found[i];
      found[i] = null;
      if (inlet == null) {
        continue;
      }
      int length = results[2 * i + 1];
      if (length < 0) {
        handler.readable(inlet);
      } else {
        int at = i * NativeFastPath.SLOT_BYTES;
        handler.handedBack(inlet, slots.duplicate().limit(at + length).position(at));
      }
    }
    return packed >>> EVENT_SHIFT;
  }

  @Override
  public synchronized void wakeup() {
    if (!closed) {
      NativeFastPath.wakeup(handle);
    }
  }

  @Override
  public void taskQueued() {
    PENDING.getAndAdd(pending, 0, 1);
  }

  @Override
  public void taskDone() {
    PENDING.getAndAdd(pending, 0, -1);
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      NativeFastPath.close(handle);
    }
  }

  @Override
  public boolean forwards() {
    return true;
  }

  @Override
  public synchronized void forward(
      Inlet from, RelayLeg to, int eventPayloadType, int sequenceOffset, boolean keepHistory)
      throws IOException {
    Integer token = tokens.get(channel(from));
    Integer target = tokens.get(to.rtp());
    if (token == null || target == null || from.rtcp()) {
      throw new IOException("only a watched RTP socket can forward to a watched RTP socket");
    }
    NativeFastPath.forward(
        handle, token, descriptors[target], eventPayloadType, sequenceOffset, keepHistory);
  }

  @Override
  public void stopForwarding(
      Inlet from, Consumer<ByteBuffer> remembered, BiConsumer<Inlet, FastPathCounts> sink) {
    List<ByteBuffer> datagrams = new ArrayList<>();
    List<FastPathCounts> last = new ArrayList<>(1);
    synchronized (this) {
      Integer token = tokens.get(channel(from));
      if (token == null || closed) {
        return;
      }
      NativeFastPath.toJava(handle, token);
      int written = NativeFastPath.takeHistory(handle, token, history);
      for (int at = 0; at + 2 <= written; ) {
        int length = ((history.get(at) & 0xFF) << 8) | (history.get(at + 1) & 0xFF);
        ByteBuffer copy = ByteBuffer.allocate(length);
        copy.put(history.duplicate().limit(at + 2 + length).position(at + 2)).flip();
        datagrams.add(copy);
        at += 2 + length;
      }
      NativeFastPath.counters(handle, counts);
      report(token, (inlet, counts) -> last.add(counts));
    }
    // outside the monitor: the replay and the counts reach the session's code
    datagrams.forEach(remembered);
    last.forEach(counts -> sink.accept(from, counts));
  }

  @Override
  public synchronized void collect(BiConsumer<Inlet, FastPathCounts> sink) {
    NativeFastPath.counters(handle, counts);
    for (int token = 0; token < nextToken; token++) {
      report(token, sink);
    }
  }

  private void report(int token, BiConsumer<Inlet, FastPathCounts> sink) {
    Inlet inlet = inlets[token];
    if (inlet != null) {
      int at = 3 * token;
      FastPathCounts delta =
          new FastPathCounts(
              counts[at] - reported[at],
              counts[at + 1] - reported[at + 1],
              counts[at + 2] - reported[at + 2]);
      if (delta.any()) {
        System.arraycopy(counts, at, reported, at, 3);
        sink.accept(inlet, delta);
      }
    }
  }

  private void grow(int token) {
    if (token < inlets.length) {
      return;
    }
    int size = Math.max(token + 1, inlets.length * 2);
    inlets = Arrays.copyOf(inlets, size);
    descriptors = Arrays.copyOf(descriptors, size);
    counts = Arrays.copyOf(counts, 3 * size);
    reported = Arrays.copyOf(reported, 3 * size);
  }

  private static DatagramChannel channel(Inlet inlet) {
    return inlet.rtcp() ? inlet.leg().rtcp() : inlet.leg().rtp();
  }
}
