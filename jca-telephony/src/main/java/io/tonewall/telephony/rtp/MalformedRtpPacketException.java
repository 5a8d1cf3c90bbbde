package io.tonewall.telephony.rtp;

/**
 * Thrown when bytes received as RTP cannot be an RFC 3550 packet: shorter than the fixed header, a
 * version other than 2, a CSRC list, header extension or padding that runs past the end, or a
 * padding count of zero. It is the only exception {@link RtpPacket#parse(java.nio.ByteBuffer)}
 * throws for bad input; the message names the defect and a few lengths, never payload bytes.
 */
public final class MalformedRtpPacketException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the packet, with lengths only
   */
  public MalformedRtpPacketException(String message) {
    super(message);
  }
}
