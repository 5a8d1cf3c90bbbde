package io.tonewall.telephony.ivr;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.rtp.RtpPacketWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Plays queued prompts as paced G.711 RTP: one 20 ms frame (160 samples) per 20 ms of the injected
 * time, each with the next sequence number, a timestamp that follows the time (RFC 3550: the
 * sampling instant, also across pauses), one SSRC for the stream, and the marker bit on the first
 * packet of each talkspurt (after silence, hold or a barge-in). Plain logic: the caller passes the
 * time to {@link #due(Instant)} and sends what it returns.
 *
 * <ul>
 *   <li>A prompt queued as interruptible stops at a key ({@link #bargeIn()}), and so do the
 *       interruptible prompts queued after it; announcements are not interruptible.
 *   <li>While held ({@link #hold(boolean)}) nothing is sent; playing resumes where it stopped.
 *   <li>A late caller (the thread ran late) gets at most {@value #MAX_BURST} frames at once; then
 *       the rest of the prompt is shifted later rather than sent in a burst.
 * </ul>
 *
 * <p>Thread-safe: frames are taken on the media thread, prompts queued from others.
 */
public final class PromptPlayer {

  /** Samples per frame: 20 ms at 8 kHz. */
  public static final int FRAME_SAMPLES = 160;

  /** The frame duration. */
  public static final Duration FRAME = Duration.ofMillis(20);

  static final int MAX_BURST = 3;
  private static final long FRAME_NANOS = FRAME.toNanos();

  private final Instant epoch;
  private final long ssrc;
  private final long initialTimestamp;
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final RtpPacketWriter writer = RtpPacketWriter.create();
  private final short[] frame = new short[FRAME_SAMPLES];
  private final byte[] payload = new byte[FRAME_SAMPLES];
  private int payloadType;
  private int sequence;
  private int position;
  private boolean held;
  private boolean spurt;
  private long nextSlot = -1;
  private long framesSent;

  /**
   * @param payloadType 0 (PCMU) or 8 (PCMA)
   * @param ssrc the stream's SSRC
   * @param initialSequence first sequence number (random, RFC 3550)
   * @param initialTimestamp timestamp at {@code epoch} (random, RFC 3550)
   * @param epoch the instant slot 0 starts
   */
  public PromptPlayer(
      int payloadType, long ssrc, int initialSequence, long initialTimestamp, Instant epoch) {
    payloadType(payloadType);
    this.ssrc = ssrc & 0xFFFFFFFFL;
    this.sequence = initialSequence & 0xFFFF;
    this.initialTimestamp = initialTimestamp & 0xFFFFFFFFL;
    this.epoch = epoch;
  }

  /** Switches between PCMU (0) and PCMA (8), e.g. after a re-INVITE. */
  public synchronized void payloadType(int value) {
    if (value != 0 && value != 8) {
      throw new IllegalArgumentException("prompts are sent as PCMU (0) or PCMA (8), not " + value);
    }
    this.payloadType = value;
  }

  /** Queues {@code samples} (8 kHz linear) after what is queued. */
  public synchronized void play(short[] samples, boolean interruptible) {
    if (samples.length > 0) {
      queue.addLast(new Queued(samples, interruptible));
    }
  }

  /**
   * A key was pressed: the current prompt stops if interruptible, and so do the interruptible
   * prompts queued behind it.
   *
   * @return true when something stopped
   */
  public synchronized boolean bargeIn() {
    if (queue.isEmpty() || !queue.peekFirst().interruptible()) {
      return false;
    }
    queue.removeIf(Queued::interruptible);
    position = 0;
    spurt = false;
    return true;
  }

  /** Stops everything queued (the call ends). */
  public synchronized void clear() {
    queue.clear();
    position = 0;
    spurt = false;
  }

  /** Held: nothing is sent until resumed; the prompt goes on where it stopped. */
  public synchronized void hold(boolean value) {
    if (value && !held) {
      spurt = false;
    }
    this.held = value;
  }

  public synchronized boolean held() {
    return held;
  }

  /** True when nothing is playing or queued. */
  public synchronized boolean idle() {
    return queue.isEmpty();
  }

  /** Samples queued and not yet sent. */
  public synchronized int queuedSamples() {
    return queue.stream().mapToInt(q -> q.samples().length).sum() - position;
  }

  /** Packets sent so far. */
  public synchronized long framesSent() {
    return framesSent;
  }

  /**
   * The RTP packets due by {@code now}, each a complete datagram, in order; empty when idle, held
   * or not yet time.
   */
  public synchronized List<byte[]> due(Instant now) {
    if (queue.isEmpty() || held) {
      return List.of();
    }
    long slot = slotAt(now);
    if (!spurt) {
      nextSlot = Math.max(slot, nextSlot);
    } else if (slot - nextSlot >= MAX_BURST) {
      nextSlot = slot - (MAX_BURST - 1); // late: shift the rest later, never a long burst
    }
    List<byte[]> packets = new ArrayList<>(2);
    while (nextSlot <= slot && !queue.isEmpty()) {
      packets.add(nextFrame(nextSlot));
      nextSlot++;
    }
    return packets;
  }

  /** When the next frame is due; empty when idle or held. */
  public synchronized Optional<Instant> nextDue(Instant now) {
    if (queue.isEmpty() || held) {
      return Optional.empty();
    }
    long slot = spurt ? nextSlot : Math.max(slotAt(now), nextSlot);
    return Optional.of(epoch.plusNanos(slot * FRAME_NANOS));
  }

  private long slotAt(Instant now) {
    long nanos = Duration.between(epoch, now).toNanos();
    return nanos < 0 ? 0 : nanos / FRAME_NANOS;
  }

  private byte[] nextFrame(long slot) {
    int filled = 0;
    while (filled < FRAME_SAMPLES && !queue.isEmpty()) {
      short[] samples = queue.peekFirst().samples();
      int take = Math.min(FRAME_SAMPLES - filled, samples.length - position);
      System.arraycopy(samples, position, frame, filled, take);
      filled += take;
      position += take;
      if (position == samples.length) {
        queue.removeFirst();
        position = 0;
      }
    }
    Arrays.fill(frame, filled, FRAME_SAMPLES, (short) 0);
    if (payloadType == 0) {
      G711.linearToUlaw(frame, 0, payload, 0, FRAME_SAMPLES);
    } else {
      G711.linearToAlaw(frame, 0, payload, 0, FRAME_SAMPLES);
    }
    boolean marker = !spurt;
    spurt = !queue.isEmpty();
    ByteBuffer packet = ByteBuffer.allocate(writer.packetLength(FRAME_SAMPLES));
    writer
        .marker(marker)
        .payloadType(payloadType)
        .sequenceNumber(sequence)
        .timestamp((initialTimestamp + slot * FRAME_SAMPLES) & 0xFFFFFFFFL)
        .ssrc(ssrc)
        .writeTo(packet, payload);
    sequence = (sequence + 1) & 0xFFFF;
    framesSent++;
    return packet.array();
  }

  private record Queued(short[] samples, boolean interruptible) {}
}
