package io.tonewall.telephony.rtp;

/**
 * Keeps one outgoing leg's sequence numbers continuous while the relay drops or inserts packets.
 * Forwarded packets get their incoming number plus an offset; a dropped packet pulls the offset
 * down by one, an inserted packet takes the next number and pushes it up by one, so the receiver
 * sees no gap it would count as loss, while real losses upstream still show as gaps. Timestamps and
 * SSRC are left alone: inserted audio is stamped on the incoming timeline.
 *
 * <p>A drop only moves the offset when the dropped packet is newer than every packet handled so
 * far; a late packet's slot is already in the past. A packet arriving late across an offset change
 * is numbered with the current offset and may repeat a number already sent, which a jitter buffer
 * treats as a duplicate. Not thread-safe: one instance per outgoing leg.
 */
public final class SequenceRewriter {

  private boolean started;
  private int highestIncoming;
  private int highestOutgoing;
  private int offset;

  private SequenceRewriter() {}

  /**
   * @return a rewriter with offset 0: until something is dropped or inserted, numbers pass
   *     unchanged
   */
  public static SequenceRewriter create() {
    return new SequenceRewriter();
  }

  /**
   * Renumbers a packet to be forwarded, in place.
   *
   * @return the outgoing sequence number written into the packet
   */
  public int forward(RtpPacket packet) {
    int incoming = packet.sequenceNumber();
    int outgoing = SequenceNumber.add(incoming, offset);
    if (offset != 0) {
      packet.setSequenceNumber(outgoing);
    }
    if (!started || SequenceNumber.isNewer(incoming, highestIncoming)) {
      started = true;
      highestIncoming = incoming;
      highestOutgoing = outgoing;
    }
    return outgoing;
  }

  /**
   * Takes {@code incoming} as the newest number handled so far, keeping the offset: the stream was
   * forwarded elsewhere meanwhile (the relay's native fast path applies the same offset), so its
   * numbers may have moved on by any amount, beyond what {@link SequenceNumber#isNewer} can tell.
   */
  public void resume(int incoming) {
    started = true;
    highestIncoming = incoming;
    highestOutgoing = SequenceNumber.add(incoming, offset);
  }

  /** Records that a received packet will not be forwarded. */
  public void drop(RtpPacket packet) {
    int incoming = packet.sequenceNumber();
    if (!started) {
      started = true;
      highestIncoming = incoming;
      offset = SequenceNumber.add(offset, -1);
      highestOutgoing = SequenceNumber.add(incoming, offset);
      return;
    }
    if (SequenceNumber.isNewer(incoming, highestIncoming)) {
      highestIncoming = incoming;
      offset = SequenceNumber.add(offset, -1);
    }
  }

  /**
   * Takes the next outgoing number for a packet the relay creates.
   *
   * @return the sequence number to stamp on the inserted packet
   * @throws IllegalStateException if no packet was forwarded or dropped yet (no numbering to
   *     continue)
   */
  public int insert() {
    if (!started) {
      throw new IllegalStateException("nothing forwarded yet: no sequence to continue");
    }
    highestOutgoing = SequenceNumber.add(highestOutgoing, 1);
    offset = SequenceNumber.add(offset, 1);
    return highestOutgoing;
  }

  /**
   * Takes the next outgoing number for a packet the relay creates just before forwarding the
   * incoming packet {@code nextIncoming}. If incoming numbers are missing before it (lost
   * upstream), the created packet takes the first missing one's place and the offset stays;
   * otherwise this is {@link #insert()}.
   *
   * @return the sequence number to stamp on the created packet
   * @throws IllegalStateException if no packet was forwarded or dropped yet
   */
  public int insertBefore(int nextIncoming) {
    if (started && SequenceNumber.distance(highestIncoming, nextIncoming) > 1) {
      highestIncoming = SequenceNumber.add(highestIncoming, 1);
      highestOutgoing = SequenceNumber.add(highestOutgoing, 1);
      return highestOutgoing;
    }
    return insert();
  }

  /**
   * @return what is added to incoming numbers, 0 to 65535 (65535 after one drop)
   */
  public int offset() {
    return offset;
  }
}
