package io.tonewall.telephony.relay;

import io.tonewall.telephony.audio.G711;
import io.tonewall.telephony.dtmf.LeakSentinel;
import io.tonewall.telephony.rtp.RtpPacket;
import java.util.List;

/**
 * Watches what the relay really sends to the agent while a call is secure, with a {@link
 * LeakSentinel}: every packet forwarded on the caller → agent direction while the {@link
 * AgentLegStream} is masking is one frame examined. An audio frame is suspicious when the sentinel
 * finds a dual tone in it; any other packet (a telephone-event, an unknown payload type) forwarded
 * while masking is suspicious in itself. Each suspicious frame is reported at once through {@link
 * MediaListener#leakSuspected}; when the window closes the verdict goes to {@link
 * MediaListener#secureWindowClosed}. Nothing reported says which key a tone might have been.
 *
 * <p>A window opens when secure mode is switched on and closes once secure mode is off and the
 * stream has stopped masking (the drain after release is watched too), when secure mode is switched
 * on again before that (one verdict per window), or when the media session closes. Packets
 * forwarded before the caller's stream is negotiated (no masking possible) are examined as G.711 by
 * their static payload type.
 *
 * <p>Relay thread only.
 */
final class SecureWindowSentinel {

  private final MediaListener listener;
  private final LeakSentinel sentinel = new LeakSentinel();
  private short[] samples = new short[480];
  private byte[] codes = new byte[480];
  private boolean open;
  private boolean closing;
  private long examined;
  private long suspicious;

  SecureWindowSentinel(MediaListener listener) {
    this.listener = listener;
  }

  /** Whether a window is open (or closing: waiting for the stream to stop masking). */
  boolean isOpen() {
    return open;
  }

  /** Secure mode on: a new window, unless one is open and not closing. */
  void open() {
    if (open && !closing) {
      return;
    }
    close();
    open = true;
    closing = false;
    examined = 0;
    suspicious = 0;
    sentinel.reset();
  }

  /**
   * Secure mode off: the window closes when the stream stops masking; at once when there is no
   * stream.
   */
  void requestClose(boolean streamPresent) {
    if (!open) {
      return;
    }
    closing = true;
    if (!streamPresent) {
      close();
    }
  }

  /** Closes the window, reporting its verdict, if one is open. */
  void close() {
    if (open) {
      open = false;
      closing = false;
      listener.secureWindowClosed(suspicious, examined);
    }
  }

  /**
   * What the stream returned for one caller packet.
   *
   * @param masking whether the stream is still masking after that packet; if not, these packets are
   *     the first unmasked ones and a closing window closes without them
   */
  void forwarded(List<RtpPacket> packets, boolean masking, AgentLegFormat format) {
    if (!open) {
      return;
    }
    if (!masking) {
      if (closing) {
        close();
      }
      return;
    }
    for (RtpPacket packet : packets) {
      examine(packet, packet.payloadType() == format.audioPayloadType(), format.audioPayloadType());
    }
  }

  /** A caller packet forwarded unchanged because no stream is negotiated yet. */
  void forwardedUnmasked(RtpPacket packet) {
    if (open) {
      int type = packet.payloadType();
      boolean audio = type == AgentLegFormat.PCMU || type == AgentLegFormat.PCMA;
      examine(packet, audio, type);
    }
  }

  private void examine(RtpPacket packet, boolean audio, int audioType) {
    examined++;
    boolean hit =
        !audio || sentinel.examine(decode(packet, audioType), 0, packet.payloadLength()) > 0;
    if (hit) {
      suspicious++;
      listener.leakSuspected(suspicious, examined);
    }
  }

  private short[] decode(RtpPacket packet, int audioType) {
    int length = packet.payloadLength();
    if (samples.length < length) {
      samples = new short[length];
      codes = new byte[length];
    }
    packet.payload().get(0, codes, 0, length);
    if (audioType == AgentLegFormat.PCMU) {
      G711.ulawToLinear(codes, 0, samples, 0, length);
    } else {
      G711.alawToLinear(codes, 0, samples, 0, length);
    }
    return samples;
  }
}
