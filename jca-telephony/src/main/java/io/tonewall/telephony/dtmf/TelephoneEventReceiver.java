package io.tonewall.telephony.dtmf;

import io.tonewall.telephony.rtp.RtpPacket;
import io.tonewall.telephony.rtp.RtpTimestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the telephone-event packets of one stream into key presses, exactly one per event, however
 * the packets arrive (RFC 4733 §2.5.2): start packets (marker) lost, end packets repeated, packets
 * duplicated or reordered, or a long event split into segments.
 *
 * <p>An event is identified by the SSRC and the RTP timestamp of its start; time comes only from
 * RTP timestamps. A press is reported once, when the event ends: on the first end packet, when a
 * newer event begins while it is still open (end packets lost), or by {@link #expire(long)} when
 * the stream's timestamps have moved past it. Packets of events already reported, and packets older
 * than the newest event seen, are ignored. A new segment (§2.5.1.3) is recognised as continuing the
 * open event when it carries the same code and its timestamp is exactly 65535 units after the
 * previous segment's; the press then reports the first segment's timestamp and the total duration.
 * A change of SSRC closes the open event of the old source. Event codes above 15 are not keys and
 * are ignored.
 *
 * <p>The caller passes only packets of the negotiated telephone-event payload type. Not
 * thread-safe: one instance per stream.
 */
public final class TelephoneEventReceiver {

  /** Default for how far the stream may move past an open event before it is closed: 200 ms. */
  public static final int DEFAULT_END_TIMEOUT_SAMPLES = 1600;

  private static final long SEGMENT_STEP = TelephoneEvent.MAX_DURATION;

  private final int endTimeoutSamples;

  private boolean sourceKnown;
  private long ssrc;
  private boolean newestKnown;
  private long newestSegmentStart;

  private boolean open;
  private DtmfKey openKey;
  private long openStart;
  private long openSegmentStart;
  private long openEarlierSegments;
  private int openSegmentDuration;

  private TelephoneEventReceiver(int endTimeoutSamples) {
    this.endTimeoutSamples = endTimeoutSamples;
  }

  /**
   * @return a receiver closing events without end packets {@value #DEFAULT_END_TIMEOUT_SAMPLES}
   *     samples after their last known end
   */
  public static TelephoneEventReceiver create() {
    return new TelephoneEventReceiver(DEFAULT_END_TIMEOUT_SAMPLES);
  }

  /**
   * @param endTimeoutSamples how far {@link #expire(long)}'s timestamp may move past an open
   *     event's last known end before the event is closed
   * @throws IllegalArgumentException if not positive
   */
  public static TelephoneEventReceiver withEndTimeout(int endTimeoutSamples) {
    if (endTimeoutSamples <= 0) {
      throw new IllegalArgumentException(
          "end timeout must be positive samples, was " + endTimeoutSamples);
    }
    return new TelephoneEventReceiver(endTimeoutSamples);
  }

  /**
   * Takes one telephone-event packet.
   *
   * @return the presses this packet completed, oldest first; usually empty, one when an event ends
   * @throws MalformedTelephoneEventException if the payload is not whole event blocks
   */
  public List<DtmfKeyPress> receive(RtpPacket packet) {
    List<TelephoneEvent> blocks = TelephoneEventCodec.decode(packet.payload());
    List<DtmfKeyPress> presses = new ArrayList<>(1);
    if (sourceKnown && packet.ssrc() != ssrc) {
      close(false).ifPresent(presses::add);
      forgetSource();
    }
    sourceKnown = true;
    ssrc = packet.ssrc();
    long blockStart = packet.timestamp();
    for (TelephoneEvent block : blocks) {
      accept(block, blockStart, presses);
      blockStart = RtpTimestamp.add(blockStart, block.duration());
    }
    return presses;
  }

  /**
   * Closes the open event if the stream has moved on: when {@code streamTimestamp} (say, of the
   * latest audio packet) lies more than the end timeout past the event's last known end.
   *
   * @return the press so closed, with {@link DtmfKeyPress#endSeen()} false
   */
  public Optional<DtmfKeyPress> expire(long streamTimestamp) {
    if (!open) {
      return Optional.empty();
    }
    long knownEnd = RtpTimestamp.add(openSegmentStart, openSegmentDuration);
    if (RtpTimestamp.distance(knownEnd, streamTimestamp) > endTimeoutSamples) {
      return close(false);
    }
    return Optional.empty();
  }

  /**
   * @return true while an event has begun and not yet been reported
   */
  public boolean eventInProgress() {
    return open;
  }

  private void accept(TelephoneEvent block, long segmentStart, List<DtmfKeyPress> presses) {
    Optional<DtmfKey> key = block.key();
    if (key.isEmpty()) {
      return;
    }
    if (open && segmentStart == openSegmentStart) {
      if (key.get() == openKey) {
        openSegmentDuration = Math.max(openSegmentDuration, block.duration());
        if (block.end()) {
          close(true).ifPresent(presses::add);
        }
      }
      return;
    }
    if (newestKnown && !RtpTimestamp.isNewer(segmentStart, newestSegmentStart)) {
      return; // a finished event's repeat, or a packet of an event older than the newest
    }
    newestKnown = true;
    newestSegmentStart = segmentStart;
    if (open
        && key.get() == openKey
        && RtpTimestamp.distance(openSegmentStart, segmentStart) == SEGMENT_STEP) {
      openEarlierSegments += SEGMENT_STEP;
      openSegmentStart = segmentStart;
      openSegmentDuration = block.duration();
    } else {
      close(false).ifPresent(presses::add);
      open = true;
      openKey = key.get();
      openStart = segmentStart;
      openSegmentStart = segmentStart;
      openEarlierSegments = 0;
      openSegmentDuration = block.duration();
    }
    if (block.end()) {
      close(true).ifPresent(presses::add);
    }
  }

  private Optional<DtmfKeyPress> close(boolean endSeen) {
    if (!open) {
      return Optional.empty();
    }
    open = false;
    return Optional.of(
        DtmfKeyPress.of(
            openKey, ssrc, openStart, openEarlierSegments + openSegmentDuration, endSeen));
  }

  private void forgetSource() {
    newestKnown = false;
  }
}
