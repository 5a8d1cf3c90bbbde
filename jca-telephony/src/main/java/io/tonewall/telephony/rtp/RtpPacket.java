package io.tonewall.telephony.rtp;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * A view of one RTP packet (RFC 3550 §5.1) over a caller's buffer: fields are read from, and the
 * setters write straight into, the buffer; nothing is copied. The layout (CSRC list, extension,
 * padding, payload bounds) is validated once by {@link #parse}; afterwards the accessors cannot
 * fail. Not thread-safe; the view is valid while the caller does not reuse the buffer.
 *
 * <p>Byte order of the wrapped {@link ByteBuffer} does not matter: fields are read byte by byte in
 * network order. The buffer's position and limit are never changed. Over a read-only buffer the
 * setters throw {@link java.nio.ReadOnlyBufferException}.
 */
public final class RtpPacket {

  /** Length of the fixed header, without CSRC list or extension. */
  public static final int FIXED_HEADER_LENGTH = 12;

  /** The only RTP version there is. */
  public static final int VERSION = 2;

  private final ByteBuffer buffer;
  private final int offset;
  private final int length;
  private final int extensionOffset;
  private final int payloadOffset;
  private final int payloadLength;
  private final int paddingLength;

  private RtpPacket(
      ByteBuffer buffer,
      int offset,
      int length,
      int extensionOffset,
      int payloadOffset,
      int payloadLength,
      int paddingLength) {
    this.buffer = buffer;
    this.offset = offset;
    this.length = length;
    this.extensionOffset = extensionOffset;
    this.payloadOffset = payloadOffset;
    this.payloadLength = payloadLength;
    this.paddingLength = paddingLength;
  }

  /**
   * Validates the bytes between the buffer's position and limit as one RTP packet and returns a
   * view of them.
   *
   * @throws MalformedRtpPacketException if the bytes are not a well-formed RTP packet; no other
   *     exception is thrown for bad content
   */
  public static RtpPacket parse(ByteBuffer buffer) {
    Objects.requireNonNull(buffer, "buffer");
    int offset = buffer.position();
    int length = buffer.remaining();
    if (length < FIXED_HEADER_LENGTH) {
      throw new MalformedRtpPacketException(
          "RTP packet too short: " + length + " bytes, fixed header needs " + FIXED_HEADER_LENGTH);
    }
    int first = buffer.get(offset) & 0xFF;
    int version = first >>> 6;
    if (version != VERSION) {
      throw new MalformedRtpPacketException("RTP version " + version + ", expected 2");
    }
    int csrcCount = first & 0x0F;
    int headerLength = FIXED_HEADER_LENGTH + 4 * csrcCount;
    if (headerLength > length) {
      throw new MalformedRtpPacketException(
          "CSRC count " + csrcCount + " runs past the end of a " + length + "-byte packet");
    }
    int extensionOffset = -1;
    if ((first & 0x10) != 0) {
      if (headerLength + 4 > length) {
        throw new MalformedRtpPacketException(
            "extension header runs past the end of a " + length + "-byte packet");
      }
      extensionOffset = offset + headerLength;
      int words = readUnsignedShort(buffer, extensionOffset + 2);
      int extensionLength = 4 + 4 * words;
      if (headerLength + extensionLength > length) {
        throw new MalformedRtpPacketException(
            "extension length of "
                + words
                + " words runs past the end of a "
                + length
                + "-byte packet");
      }
      headerLength += extensionLength;
    }
    int paddingLength = 0;
    if ((first & 0x20) != 0) {
      paddingLength = buffer.get(offset + length - 1) & 0xFF;
      if (paddingLength == 0) {
        throw new MalformedRtpPacketException("padding bit set but padding count is zero");
      }
      if (headerLength + paddingLength > length) {
        throw new MalformedRtpPacketException(
            "padding of "
                + paddingLength
                + " bytes runs into the "
                + headerLength
                + "-byte header of a "
                + length
                + "-byte packet");
      }
    }
    return new RtpPacket(
        buffer,
        offset,
        length,
        extensionOffset,
        offset + headerLength,
        length - headerLength - paddingLength,
        paddingLength);
  }

  /**
   * Parses {@code bytes[offset..offset+length)} as an RTP packet, viewing the array in place.
   *
   * @throws MalformedRtpPacketException if the bytes are not a well-formed RTP packet
   * @throws IndexOutOfBoundsException if the range does not lie within the array (a caller error,
   *     not bad content)
   */
  public static RtpPacket parse(byte[] bytes, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    return parse(ByteBuffer.wrap(bytes, offset, length));
  }

  /**
   * Parses a whole array as one RTP packet, viewing it in place.
   *
   * @throws MalformedRtpPacketException if the bytes are not a well-formed RTP packet
   */
  public static RtpPacket parse(byte[] bytes) {
    return parse(bytes, 0, bytes.length);
  }

  /**
   * @return the buffer this packet is a view of (shared, not a copy)
   */
  public ByteBuffer buffer() {
    return buffer;
  }

  /**
   * @return absolute index of the packet's first byte in {@link #buffer()}
   */
  public int offset() {
    return offset;
  }

  /**
   * @return length of the whole packet in bytes, padding included
   */
  public int length() {
    return length;
  }

  /**
   * @return the version field, always 2 for a parsed packet
   */
  public int version() {
    return (buffer.get(offset) & 0xFF) >>> 6;
  }

  /**
   * @return true when the padding bit is set
   */
  public boolean hasPadding() {
    return paddingLength > 0;
  }

  /**
   * @return number of padding bytes at the end of the packet, the count byte included; 0 without
   *     padding
   */
  public int paddingLength() {
    return paddingLength;
  }

  /**
   * @return true when the extension bit is set
   */
  public boolean hasExtension() {
    return extensionOffset >= 0;
  }

  /**
   * @return the header extension, or empty when the extension bit is clear
   */
  public Optional<RtpHeaderExtension> extension() {
    if (extensionOffset < 0) {
      return Optional.empty();
    }
    int words = readUnsignedShort(buffer, extensionOffset + 2);
    ByteBuffer data = buffer.duplicate();
    data.limit(extensionOffset + 4 + 4 * words).position(extensionOffset + 4);
    return Optional.of(
        RtpHeaderExtension.of(readUnsignedShort(buffer, extensionOffset), data.slice()));
  }

  /**
   * @return number of CSRC identifiers, 0 to 15
   */
  public int csrcCount() {
    return buffer.get(offset) & 0x0F;
  }

  /**
   * @param index 0-based, below {@link #csrcCount()}
   * @return the CSRC identifier as an unsigned 32-bit value
   * @throws IndexOutOfBoundsException if there is no such CSRC
   */
  public long csrc(int index) {
    Objects.checkIndex(index, csrcCount());
    return readUnsignedInt(buffer, offset + FIXED_HEADER_LENGTH + 4 * index);
  }

  /**
   * @return the marker bit
   */
  public boolean marker() {
    return (buffer.get(offset + 1) & 0x80) != 0;
  }

  /**
   * @return the payload type, 0 to 127
   */
  public int payloadType() {
    return buffer.get(offset + 1) & 0x7F;
  }

  /**
   * @return the sequence number, 0 to 65535
   */
  public int sequenceNumber() {
    return readUnsignedShort(buffer, offset + 2);
  }

  /**
   * @return the timestamp as an unsigned 32-bit value
   */
  public long timestamp() {
    return readUnsignedInt(buffer, offset + 4);
  }

  /**
   * @return the SSRC as an unsigned 32-bit value
   */
  public long ssrc() {
    return readUnsignedInt(buffer, offset + 8);
  }

  /**
   * @return absolute index of the first payload byte in {@link #buffer()}
   */
  public int payloadOffset() {
    return payloadOffset;
  }

  /**
   * @return payload length in bytes, without header, extension or padding
   */
  public int payloadLength() {
    return payloadLength;
  }

  /**
   * @return a view of the payload (position 0, limit {@link #payloadLength()}) sharing the packet's
   *     bytes; writes through it change the packet
   */
  public ByteBuffer payload() {
    ByteBuffer view = buffer.duplicate();
    view.limit(payloadOffset + payloadLength).position(payloadOffset);
    return view.slice();
  }

  /**
   * Sets or clears the marker bit in place.
   *
   * @return this packet
   */
  public RtpPacket setMarker(boolean marker) {
    int second = buffer.get(offset + 1) & 0x7F;
    buffer.put(offset + 1, (byte) (marker ? second | 0x80 : second));
    return this;
  }

  /**
   * Writes the payload type in place.
   *
   * @param payloadType 0 to 127
   * @return this packet
   * @throws IllegalArgumentException if the value does not fit in 7 bits
   */
  public RtpPacket setPayloadType(int payloadType) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type must be 0..127, was " + payloadType);
    }
    buffer.put(offset + 1, (byte) ((buffer.get(offset + 1) & 0x80) | payloadType));
    return this;
  }

  /**
   * Writes the sequence number in place; bits above 16 are ignored.
   *
   * @return this packet
   */
  public RtpPacket setSequenceNumber(int sequenceNumber) {
    buffer.put(offset + 2, (byte) (sequenceNumber >>> 8));
    buffer.put(offset + 3, (byte) sequenceNumber);
    return this;
  }

  /**
   * Writes the timestamp in place; bits above 32 are ignored.
   *
   * @return this packet
   */
  public RtpPacket setTimestamp(long timestamp) {
    writeInt(buffer, offset + 4, timestamp);
    return this;
  }

  /**
   * Writes the SSRC in place; bits above 32 are ignored.
   *
   * @return this packet
   */
  public RtpPacket setSsrc(long ssrc) {
    writeInt(buffer, offset + 8, ssrc);
    return this;
  }

  /** Shows header fields and lengths only, never payload bytes. */
  @Override
  public String toString() {
    return "RtpPacket[pt="
        + payloadType()
        + ", seq="
        + sequenceNumber()
        + ", ts="
        + timestamp()
        + ", ssrc=0x"
        + Long.toHexString(ssrc())
        + ", marker="
        + marker()
        + ", payload="
        + payloadLength
        + " bytes]";
  }

  static int readUnsignedShort(ByteBuffer buffer, int index) {
    return (buffer.get(index) & 0xFF) << 8 | buffer.get(index + 1) & 0xFF;
  }

  static long readUnsignedInt(ByteBuffer buffer, int index) {
    return (long) readUnsignedShort(buffer, index) << 16 | readUnsignedShort(buffer, index + 2);
  }

  static void writeInt(ByteBuffer buffer, int index, long value) {
    buffer.put(index, (byte) (value >>> 24));
    buffer.put(index + 1, (byte) (value >>> 16));
    buffer.put(index + 2, (byte) (value >>> 8));
    buffer.put(index + 3, (byte) value);
  }
}
