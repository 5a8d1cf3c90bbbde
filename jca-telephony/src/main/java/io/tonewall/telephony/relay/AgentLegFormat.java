package io.tonewall.telephony.relay;

/**
 * The payload types negotiated for the caller's stream: the G.711 audio type (0 PCMU or 8 PCMA) and
 * the dynamic telephone-event type (RFC 4733, rate 8000), plus the frame length used when masking
 * audio must be created where the caller sent none. Immutable.
 */
public final class AgentLegFormat {

  /** PCMU, static payload type 0 (RFC 3551). */
  public static final int PCMU = 0;

  /** PCMA, static payload type 8 (RFC 3551). */
  public static final int PCMA = 8;

  private final int audioPayloadType;
  private final int telephoneEventPayloadType;
  private final int frameSamples;

  private AgentLegFormat(int audioPayloadType, int telephoneEventPayloadType, int frameSamples) {
    this.audioPayloadType = audioPayloadType;
    this.telephoneEventPayloadType = telephoneEventPayloadType;
    this.frameSamples = frameSamples;
  }

  /**
   * @param audioPayloadType {@link #PCMU} or {@link #PCMA}
   * @param telephoneEventPayloadType dynamic type 96 to 127
   * @param frameSamples samples per created audio packet, 80 to 480 (10 to 60 ms); 160 is usual
   * @throws IllegalArgumentException if a value is out of range
   */
  public static AgentLegFormat of(
      int audioPayloadType, int telephoneEventPayloadType, int frameSamples) {
    if (audioPayloadType != PCMU && audioPayloadType != PCMA) {
      throw new IllegalArgumentException(
          "audio payload type must be 0 (PCMU) or 8 (PCMA), was " + audioPayloadType);
    }
    if (telephoneEventPayloadType < 96 || telephoneEventPayloadType > 127) {
      throw new IllegalArgumentException(
          "telephone-event payload type must be dynamic (96..127), was "
              + telephoneEventPayloadType);
    }
    if (frameSamples < 80 || frameSamples > 480) {
      throw new IllegalArgumentException(
          "frame must be 80..480 samples (10..60 ms), was " + frameSamples);
    }
    return new AgentLegFormat(audioPayloadType, telephoneEventPayloadType, frameSamples);
  }

  /**
   * @return the usual 20 ms framing: 160 samples
   */
  public static AgentLegFormat of(int audioPayloadType, int telephoneEventPayloadType) {
    return of(audioPayloadType, telephoneEventPayloadType, 160);
  }

  /**
   * @return 0 (PCMU) or 8 (PCMA)
   */
  public int audioPayloadType() {
    return audioPayloadType;
  }

  /**
   * @return the dynamic telephone-event payload type
   */
  public int telephoneEventPayloadType() {
    return telephoneEventPayloadType;
  }

  /**
   * @return samples per created audio packet
   */
  public int frameSamples() {
    return frameSamples;
  }

  @Override
  public String toString() {
    return "AgentLegFormat[audio="
        + audioPayloadType
        + ", telephoneEvent="
        + telephoneEventPayloadType
        + ", frame="
        + frameSamples
        + "]";
  }
}
