package io.tonewall.telephony.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The audio stream of an SDP offer or answer, reduced to what Tonewall relays: the peer's RTP
 * address and port, the G.711 payload types (0 PCMU, 8 PCMA) in the peer's order of preference, the
 * dynamic telephone-event type (RFC 4733), the direction and the packetisation time. Other codecs
 * are left out; other media streams are remembered only so that an answer can reject them with port
 * 0 in their place (RFC 3264 section 6). Immutable.
 *
 * <p>{@link #render} writes a fresh description with Tonewall's own address and port, so that the
 * media of both legs flows through the relay.
 */
public final class AudioDescription {

  private static final String TELEPHONE_EVENT = "telephone-event/8000";

  private final String address;
  private final int port;
  private final List<Integer> audioPayloadTypes;
  private final Optional<Integer> telephoneEventPayloadType;
  private final MediaDirection direction;
  private final Optional<Integer> ptime;
  private final List<Optional<String>> layout;

  private AudioDescription(
      String address,
      int port,
      List<Integer> audioPayloadTypes,
      Optional<Integer> telephoneEventPayloadType,
      MediaDirection direction,
      Optional<Integer> ptime,
      List<Optional<String>> layout) {
    this.address = address;
    this.port = port;
    this.audioPayloadTypes = List.copyOf(audioPayloadTypes);
    this.telephoneEventPayloadType = telephoneEventPayloadType;
    this.direction = direction;
    this.ptime = ptime;
    this.layout = List.copyOf(layout);
  }

  /**
   * Reads the first audio stream of a session description.
   *
   * @throws MalformedSdpException when the text is not SDP or has no audio stream
   * @throws UnacceptableMediaException when the audio stream offers neither PCMU nor PCMA over
   *     RTP/AVP
   */
  public static AudioDescription parse(String sdp)
      throws MalformedSdpException, UnacceptableMediaException {
    if (sdp.indexOf('\0') >= 0) {
      throw new MalformedSdpException("session description contains NUL characters");
    }
    String[] lines = sdp.split("\r?\n");
    if (lines.length == 0 || !lines[0].trim().equals("v=0")) {
      throw new MalformedSdpException("session description does not start with v=0");
    }
    String sessionAddress = null;
    MediaDirection sessionDirection = MediaDirection.SENDRECV;
    List<Optional<String>> layout = new ArrayList<>();
    boolean inAudio = false;
    boolean audioSeen = false;
    String audioLine = null;
    String audioAddress = null;
    Optional<MediaDirection> audioDirection = Optional.empty();
    Optional<Integer> ptime = Optional.empty();
    Map<Integer, String> rtpmaps = new LinkedHashMap<>();
    for (String raw : lines) {
      String line = raw.trim();
      if (line.isEmpty()) {
        continue;
      }
      if (line.length() < 2 || line.charAt(1) != '=') {
        throw new MalformedSdpException("line is not <type>=<value>");
      }
      char type = line.charAt(0);
      String value = line.substring(2);
      if (type == 'm') {
        String[] parts = value.split(" +");
        if (parts.length < 4) {
          throw new MalformedSdpException("media line has fewer than four fields");
        }
        inAudio = !audioSeen && parts[0].equals("audio");
        if (inAudio) {
          audioSeen = true;
          audioLine = value;
          layout.add(Optional.empty());
        } else {
          layout.add(Optional.of(parts[0] + " 0 " + parts[2] + " " + parts[3]));
        }
      } else if (type == 'c') {
        String connection = connectionAddress(value);
        if (layout.isEmpty()) {
          sessionAddress = connection;
        } else if (inAudio) {
          audioAddress = connection;
        }
      } else if (type == 'a' && (layout.isEmpty() || inAudio)) {
        Optional<MediaDirection> direction = MediaDirection.ofAttribute(value);
        if (direction.isPresent()) {
          if (layout.isEmpty()) {
            sessionDirection = direction.get();
          } else {
            audioDirection = direction;
          }
        } else if (inAudio && value.startsWith("rtpmap:")) {
          int space = value.indexOf(' ');
          if (space < 0) {
            throw new MalformedSdpException("rtpmap attribute without encoding");
          }
          rtpmaps.put(
              payloadType(value.substring(7, space)),
              value.substring(space + 1).trim().toLowerCase(Locale.ROOT));
        } else if (inAudio && value.startsWith("ptime:")) {
          ptime = Optional.of(number(value.substring(6), "ptime"));
        }
      }
    }
    if (audioLine == null) {
      throw new UnacceptableMediaException("no audio stream offered");
    }
    String[] parts = audioLine.split(" +");
    int port = number(parts[1].contains("/") ? parts[1].split("/")[0] : parts[1], "port");
    if (port > 65535) {
      throw new MalformedSdpException("port outside 0-65535");
    }
    if (!parts[2].equalsIgnoreCase("RTP/AVP")) {
      throw new UnacceptableMediaException("audio transport " + parts[2] + " is not RTP/AVP");
    }
    List<Integer> audio = new ArrayList<>();
    Optional<Integer> telephoneEvent = Optional.empty();
    for (int i = 3; i < parts.length; i++) {
      int payloadType = payloadType(parts[i]);
      String encoding = rtpmaps.get(payloadType);
      if ((payloadType == 0 && (encoding == null || encoding.startsWith("pcmu/8000")))
          || (payloadType == 8 && (encoding == null || encoding.startsWith("pcma/8000")))) {
        audio.add(payloadType);
      } else if (payloadType >= 96
          && TELEPHONE_EVENT.equals(encoding)
          && telephoneEvent.isEmpty()) {
        telephoneEvent = Optional.of(payloadType);
      }
    }
    if (audio.isEmpty()) {
      throw new UnacceptableMediaException("neither PCMU nor PCMA offered");
    }
    String address = audioAddress != null ? audioAddress : sessionAddress;
    if (address == null) {
      throw new MalformedSdpException("no connection address for the audio stream");
    }
    return new AudioDescription(
        address,
        port,
        audio,
        telephoneEvent,
        audioDirection.orElse(sessionDirection),
        ptime,
        layout);
  }

  private static String connectionAddress(String value) throws MalformedSdpException {
    String[] parts = value.trim().split(" +");
    if (parts.length < 3 || !parts[0].equals("IN")) {
      throw new MalformedSdpException("connection line is not IN IP4/IP6 <address>");
    }
    String address = parts[2];
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }

  private static int payloadType(String text) throws MalformedSdpException {
    int value = number(text, "payload type");
    if (value > 127) {
      throw new MalformedSdpException("payload type outside 0-127");
    }
    return value;
  }

  private static int number(String text, String what) throws MalformedSdpException {
    try {
      int value = Integer.parseInt(text.trim());
      if (value < 0) {
        throw new MalformedSdpException(what + " is negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new MalformedSdpException(what + " is not a number");
    }
  }

  /** The peer's RTP address. */
  public String address() {
    return address;
  }

  /** The peer's RTP port; 0 when the stream is rejected or disabled. */
  public int port() {
    return port;
  }

  /** PCMU (0) and PCMA (8) in the peer's order of preference; never empty. */
  public List<Integer> audioPayloadTypes() {
    return audioPayloadTypes;
  }

  /** The audio type used for masking audio: the first the peer lists. */
  public int preferredAudioPayloadType() {
    return audioPayloadTypes.get(0);
  }

  /** The telephone-event payload type, when offered. */
  public Optional<Integer> telephoneEventPayloadType() {
    return telephoneEventPayloadType;
  }

  public MediaDirection direction() {
    return direction;
  }

  /**
   * True when this description puts the other party on hold: sendonly, inactive, or the RFC 2543
   * form with connection address 0.0.0.0.
   */
  public boolean holds() {
    return direction.holds() || "0.0.0.0".equals(address);
  }

  /**
   * Writes this stream as Tonewall's offer on the other leg: {@code address:port} of Tonewall's
   * relay, the same payload types, telephone-event, direction and ptime; only the audio stream.
   */
  public String renderOffer(String relayAddress, int relayPort, SdpOrigin origin) {
    return render(relayAddress, relayPort, origin, List.of(Optional.empty()));
  }

  /**
   * Writes this stream (an answer received on one leg) as Tonewall's answer to {@code offer} on the
   * other leg: the offer's other streams are repeated with port 0 in their places.
   */
  public String renderAnswer(
      AudioDescription offer, String relayAddress, int relayPort, SdpOrigin origin) {
    return render(relayAddress, relayPort, origin, offer.layout);
  }

  /**
   * Tonewall's own answer to this offer when it terminates the media (IVR), per RFC 3264 section
   * 6.1: the first G.711 type offered only, the offer's telephone-event type if any, the opposite
   * direction (sendonly answered recvonly, recvonly sendonly, inactive inactive), the offer's
   * ptime; the offer's other streams repeated with port 0.
   */
  public String renderUasAnswer(String address, int rtpPort, SdpOrigin origin) {
    MediaDirection answered =
        switch (direction) {
          case SENDONLY -> MediaDirection.RECVONLY;
          case RECVONLY -> MediaDirection.SENDONLY;
          default -> direction;
        };
    AudioDescription answer =
        new AudioDescription(
            address,
            port,
            List.of(preferredAudioPayloadType()),
            telephoneEventPayloadType,
            answered,
            ptime,
            layout);
    return answer.render(address, rtpPort, origin, layout);
  }

  private String render(
      String relayAddress, int relayPort, SdpOrigin origin, List<Optional<String>> streams) {
    String family = relayAddress.contains(":") ? "IP6" : "IP4";
    StringBuilder sdp = new StringBuilder(256);
    sdp.append("v=0\r\n");
    sdp.append("o=tonewall ")
        .append(origin.sessionId())
        .append(' ')
        .append(origin.version())
        .append(" IN ")
        .append(family)
        .append(' ')
        .append(relayAddress)
        .append("\r\n");
    sdp.append("s=Tonewall\r\n");
    sdp.append("c=IN ").append(family).append(' ').append(relayAddress).append("\r\n");
    sdp.append("t=0 0\r\n");
    for (Optional<String> stream : streams) {
      if (stream.isPresent()) {
        sdp.append("m=").append(stream.get()).append("\r\n");
        continue;
      }
      sdp.append("m=audio ").append(port == 0 ? 0 : relayPort).append(" RTP/AVP");
      for (int payloadType : audioPayloadTypes) {
        sdp.append(' ').append(payloadType);
      }
      telephoneEventPayloadType.ifPresent(pt -> sdp.append(' ').append(pt));
      sdp.append("\r\n");
      for (int payloadType : audioPayloadTypes) {
        sdp.append("a=rtpmap:")
            .append(payloadType)
            .append(payloadType == 0 ? " PCMU/8000" : " PCMA/8000")
            .append("\r\n");
      }
      telephoneEventPayloadType.ifPresent(
          pt ->
              sdp.append("a=rtpmap:")
                  .append(pt)
                  .append(" telephone-event/8000\r\na=fmtp:")
                  .append(pt)
                  .append(" 0-16\r\n"));
      ptime.ifPresent(ms -> sdp.append("a=ptime:").append(ms).append("\r\n"));
      sdp.append("a=").append(direction.attribute()).append("\r\n");
    }
    return sdp.toString();
  }

  @Override
  public String toString() {
    return "AudioDescription["
        + address
        + ":"
        + port
        + " "
        + audioPayloadTypes
        + " te="
        + telephoneEventPayloadType.map(String::valueOf).orElse("-")
        + " "
        + direction.attribute()
        + "]";
  }
}
