package io.tonewall.session.domain;

/** The card scheme recognised from the first digits, as the capture reports it. */
public enum CardScheme {
  VISA,
  MASTERCARD,
  AMEX,
  DISCOVER,
  DINERS,
  JCB,
  UNIONPAY,
  MAESTRO,
  UNKNOWN;

  /** The scheme of this name, or {@code UNKNOWN} for names Tonewall does not know. */
  public static CardScheme named(String name) {
    for (CardScheme scheme : values()) {
      if (scheme.name().equalsIgnoreCase(name)) {
        return scheme;
      }
    }
    return UNKNOWN;
  }
}
