package io.tonewall.telephony.rtp;

import java.nio.ByteBuffer;

/**
 * Tells RTP from RTCP on a shared or separate port, by the first two bytes (RFC 5761 §4): version 2
 * and a second byte of 192 to 223 is RTCP (SR 200, RR 201, SDES 202, BYE 203, APP 204, and the
 * feedback and XR types), anything else with version 2 is RTP. The relay passes RTCP through
 * untouched and only ever parses the rest as {@link RtpPacket}.
 */
public enum MediaPacketKind {
  /** An RTP data packet (not yet validated: parse it with {@link RtpPacket#parse}). */
  RTP,
  /** An RTCP compound packet, to be passed through. */
  RTCP,
  /** Neither: too short for either header or a version other than 2 (STUN, garbage). */
  UNKNOWN;

  private static final int FIRST_RTCP_TYPE = 192;
  private static final int LAST_RTCP_TYPE = 223;

  /**
   * Classifies the bytes between {@code packet}'s position and limit; never changes the position.
   */
  public static MediaPacketKind classify(ByteBuffer packet) {
    int at = packet.position();
    int length = packet.remaining();
    if (length < 4 || (packet.get(at) & 0xC0) != RtpPacket.VERSION << 6) {
      return UNKNOWN;
    }
    int second = packet.get(at + 1) & 0xFF;
    if (second >= FIRST_RTCP_TYPE && second <= LAST_RTCP_TYPE) {
      return RTCP;
    }
    return length >= RtpPacket.FIXED_HEADER_LENGTH ? RTP : UNKNOWN;
  }
}
