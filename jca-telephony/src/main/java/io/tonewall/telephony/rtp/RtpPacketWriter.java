package io.tonewall.telephony.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes new RTP packets into a caller-provided buffer. Set the header fields, then either copy a
 * payload in with {@link #writeTo(ByteBuffer, ByteBuffer)} or reserve payload space with {@link
 * #writeHeaderTo(ByteBuffer, int)} and fill {@link RtpPacket#payload()} afterwards (as an encoder
 * writing straight into the packet does). A writer keeps its settings between packets, so one
 * instance per stream can stamp packet after packet; it is not thread-safe.
 */
public final class RtpPacketWriter {

  private static final long[] NO_CSRCS = new long[0];

  private boolean marker;
  private int payloadType;
  private int sequenceNumber;
  private long timestamp;
  private long ssrc;
  private long[] csrcs = NO_CSRCS;
  private int extensionProfile = -1;
  private byte[] extensionData = new byte[0];
  private int paddingLength;

  private RtpPacketWriter() {}

  /**
   * @return a writer for payload type 0, sequence 0, timestamp 0, SSRC 0, no marker, no CSRC, no
   *     extension, no padding
   */
  public static RtpPacketWriter create() {
    return new RtpPacketWriter();
  }

  /** Sets the marker bit of the next packets. */
  public RtpPacketWriter marker(boolean value) {
    this.marker = value;
    return this;
  }

  /**
   * @param value 0 to 127
   * @throws IllegalArgumentException if out of range
   */
  public RtpPacketWriter payloadType(int value) {
    if (value < 0 || value > 127) {
      throw new IllegalArgumentException("payload type must be 0..127, was " + value);
    }
    this.payloadType = value;
    return this;
  }

  /** Sets the sequence number (bits above 16 ignored). */
  public RtpPacketWriter sequenceNumber(int value) {
    this.sequenceNumber = value & 0xFFFF;
    return this;
  }

  /** Sets the timestamp (bits above 32 ignored). */
  public RtpPacketWriter timestamp(long value) {
    this.timestamp = value & RtpTimestamp.MAX_VALUE;
    return this;
  }

  /** Sets the SSRC (bits above 32 ignored). */
  public RtpPacketWriter ssrc(long value) {
    this.ssrc = value & RtpTimestamp.MAX_VALUE;
    return this;
  }

  /**
   * @param values up to 15 contributing sources, written in order
   * @throws IllegalArgumentException if more than 15
   */
  public RtpPacketWriter csrcs(long... values) {
    if (values.length > 15) {
      throw new IllegalArgumentException("at most 15 CSRCs, was " + values.length);
    }
    this.csrcs = values.clone();
    return this;
  }

  /**
   * Adds a header extension to the next packets.
   *
   * @param profile 16 profile-defined bits
   * @param data extension data, a multiple of 4 bytes and at most 65535 words
   * @throws IllegalArgumentException if the data length is not a whole number of words
   */
  public RtpPacketWriter extension(int profile, byte[] data) {
    if (profile < 0 || profile > 0xFFFF) {
      throw new IllegalArgumentException("extension profile must be 0..65535, was " + profile);
    }
    if (data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
      throw new IllegalArgumentException(
          "extension data must be a whole number of 32-bit words, was " + data.length + " bytes");
    }
    this.extensionProfile = profile;
    this.extensionData = data.clone();
    return this;
  }

  /** Removes the header extension from the next packets. */
  public RtpPacketWriter noExtension() {
    this.extensionProfile = -1;
    this.extensionData = new byte[0];
    return this;
  }

  /**
   * @param length padding bytes to append, 0 (none) to 255; the last one holds the count, the
   *     others are zero
   * @throws IllegalArgumentException if out of range
   */
  public RtpPacketWriter padding(int length) {
    if (length < 0 || length > 255) {
      throw new IllegalArgumentException("padding must be 0..255 bytes, was " + length);
    }
    this.paddingLength = length;
    return this;
  }

  /**
   * @return bytes a packet with this header and {@code payloadLength} payload bytes takes
   */
  public int packetLength(int payloadLength) {
    int extension = extensionProfile < 0 ? 0 : 4 + extensionData.length;
    return RtpPacket.FIXED_HEADER_LENGTH
        + 4 * csrcs.length
        + extension
        + payloadLength
        + paddingLength;
  }

  /**
   * Writes a packet carrying the remaining bytes of {@code payload} at {@code target}'s position
   * and advances that position past it. {@code payload}'s position is not changed.
   *
   * @return a view of the packet just written
   * @throws IllegalArgumentException if {@code target} has too little room
   */
  public RtpPacket writeTo(ByteBuffer target, ByteBuffer payload) {
    int start = target.position();
    RtpPacket packet = writeHeaderTo(target, payload.remaining());
    target.put(packet.payloadOffset(), payload, payload.position(), payload.remaining());
    target.position(start + packet.length());
    return packet;
  }

  /**
   * Writes a packet whose payload is {@code payload}, as {@link #writeTo(ByteBuffer, ByteBuffer)}.
   */
  public RtpPacket writeTo(ByteBuffer target, byte[] payload) {
    return writeTo(target, ByteBuffer.wrap(payload));
  }

  /**
   * Writes header, extension and padding at {@code target}'s position, leaves {@code payloadLength}
   * bytes for the payload as they are, and advances the position past the whole packet.
   *
   * @return a view of the packet; fill its {@link RtpPacket#payload()}
   * @throws IllegalArgumentException if {@code target} has too little room
   */
  public RtpPacket writeHeaderTo(ByteBuffer target, int payloadLength) {
    Objects.requireNonNull(target, "target");
    if (payloadLength < 0) {
      throw new IllegalArgumentException("payload length must not be negative: " + payloadLength);
    }
    int length = packetLength(payloadLength);
    if (target.remaining() < length) {
      throw new IllegalArgumentException(
          "packet of " + length + " bytes does not fit in " + target.remaining() + " bytes");
    }
    int at = target.position();
    int first =
        RtpPacket.VERSION << 6
            | (paddingLength > 0 ? 0x20 : 0)
            | (extensionProfile >= 0 ? 0x10 : 0)
            | csrcs.length;
    target.put(at, (byte) first);
    target.put(at + 1, (byte) ((marker ? 0x80 : 0) | payloadType));
    target.put(at + 2, (byte) (sequenceNumber >>> 8));
    target.put(at + 3, (byte) sequenceNumber);
    RtpPacket.writeInt(target, at + 4, timestamp);
    RtpPacket.writeInt(target, at + 8, ssrc);
    int cursor = at + RtpPacket.FIXED_HEADER_LENGTH;
    for (long csrc : csrcs) {
      RtpPacket.writeInt(target, cursor, csrc);
      cursor += 4;
    }
    if (extensionProfile >= 0) {
      int words = extensionData.length / 4;
      target.put(cursor, (byte) (extensionProfile >>> 8));
      target.put(cursor + 1, (byte) extensionProfile);
      target.put(cursor + 2, (byte) (words >>> 8));
      target.put(cursor + 3, (byte) words);
      target.put(cursor + 4, extensionData);
      cursor += 4 + extensionData.length;
    }
    cursor += payloadLength;
    if (paddingLength > 0) {
      byte[] padding = new byte[paddingLength];
      Arrays.fill(padding, (byte) 0);
      padding[paddingLength - 1] = (byte) paddingLength;
      target.put(cursor, padding);
    }
    ByteBuffer view = target.duplicate();
    view.limit(at + length).position(at);
    RtpPacket packet = RtpPacket.parse(view);
    target.position(at + length);
    return packet;
  }
}
