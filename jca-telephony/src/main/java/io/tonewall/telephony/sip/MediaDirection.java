package io.tonewall.telephony.sip;

import java.util.Locale;
import java.util.Optional;

/** The direction attribute of an SDP audio stream (RFC 3264 section 5.1). */
public enum MediaDirection {
  SENDRECV,
  SENDONLY,
  RECVONLY,
  INACTIVE;

  static Optional<MediaDirection> ofAttribute(String attribute) {
    for (MediaDirection direction : values()) {
      if (direction.attribute().equals(attribute)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }

  /** The attribute as written in SDP, for example {@code sendonly}. */
  public String attribute() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the directions a party uses to put the other on hold. */
  public boolean holds() {
    return this == SENDONLY || this == INACTIVE;
  }
}
