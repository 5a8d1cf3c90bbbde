package io.tonewall.telephony.dtmf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes RFC 4733 §2.3 telephone-event payloads. A payload holds one or more 4-byte
 * blocks; with several (§2.5.1.5, events packed into one packet) the last block is the current
 * event and the earlier ones are complete events that preceded it without a gap, so each block
 * starts where the previous one's duration ended. Redundancy carried in an RFC 2198 (RED) payload,
 * with its own timestamp offsets, is not decoded here. Stateless.
 */
public final class TelephoneEventCodec {

  /** Bytes per event block. */
  public static final int BLOCK_LENGTH = 4;

  private TelephoneEventCodec() {}

  /**
   * Decodes every block between {@code payload}'s position and limit, oldest first; the position
   * does not move.
   *
   * @throws MalformedTelephoneEventException if the payload is empty or not a multiple of 4 bytes
   */
  public static List<TelephoneEvent> decode(ByteBuffer payload) {
    int count = blockCount(payload);
    List<TelephoneEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(decodeBlock(payload, i));
    }
    return events;
  }

  /**
   * @return the last (current) block of the payload
   * @throws MalformedTelephoneEventException if the payload is empty or not a multiple of 4 bytes
   */
  public static TelephoneEvent decodeCurrent(ByteBuffer payload) {
    return decodeBlock(payload, blockCount(payload) - 1);
  }

  /**
   * @return number of blocks in the payload, at least 1
   * @throws MalformedTelephoneEventException if the payload is empty or not a multiple of 4 bytes
   */
  public static int blockCount(ByteBuffer payload) {
    int length = payload.remaining();
    if (length == 0 || length % BLOCK_LENGTH != 0) {
      throw new MalformedTelephoneEventException(
          "telephone-event payload must be a non-empty multiple of 4 bytes, was " + length);
    }
    return length / BLOCK_LENGTH;
  }

  private static TelephoneEvent decodeBlock(ByteBuffer payload, int index) {
    int at = payload.position() + index * BLOCK_LENGTH;
    int flags = payload.get(at + 1) & 0xFF;
    int duration = (payload.get(at + 2) & 0xFF) << 8 | payload.get(at + 3) & 0xFF;
    return TelephoneEvent.of(
        payload.get(at) & 0xFF, (flags & 0x80) != 0, (flags & 0x40) != 0, flags & 0x3F, duration);
  }

  /**
   * Writes one block at {@code target}'s position and advances it by 4. The R bit is written as the
   * event carries it.
   *
   * @throws java.nio.BufferOverflowException if fewer than 4 bytes remain
   */
  public static void encode(TelephoneEvent event, ByteBuffer target) {
    target.put((byte) event.event());
    target.put((byte) ((event.end() ? 0x80 : 0) | (event.reserved() ? 0x40 : 0) | event.volume()));
    target.put((byte) (event.duration() >>> 8));
    target.put((byte) event.duration());
  }
}
