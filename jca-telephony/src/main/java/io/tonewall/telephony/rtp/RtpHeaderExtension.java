package io.tonewall.telephony.rtp;

import java.nio.ByteBuffer;

/**
 * The header extension of an RTP packet (RFC 3550 §5.3.1): a 16-bit profile-defined value and the
 * extension data, a whole number of 32-bit words. The data is a read-only view over the packet's
 * buffer, not a copy, and is only valid while that buffer is.
 */
public final class RtpHeaderExtension {

  private final int profile;
  private final ByteBuffer data;

  private RtpHeaderExtension(int profile, ByteBuffer data) {
    this.profile = profile;
    this.data = data;
  }

  static RtpHeaderExtension of(int profile, ByteBuffer data) {
    return new RtpHeaderExtension(profile, data.asReadOnlyBuffer());
  }

  /**
   * @return the 16 profile-defined bits that open the extension (0xBEDE for RFC 8285 one-byte
   *     headers)
   */
  public int profile() {
    return profile;
  }

  /**
   * @return the extension data length in bytes (four times the length field)
   */
  public int dataLength() {
    return data.remaining();
  }

  /**
   * @return a read-only view of the extension data, position 0, limit {@link #dataLength()}
   */
  public ByteBuffer data() {
    return data.duplicate();
  }

  @Override
  public String toString() {
    return "RtpHeaderExtension[profile=0x"
        + Integer.toHexString(profile)
        + ", bytes="
        + dataLength()
        + "]";
  }
}
