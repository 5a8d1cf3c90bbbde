package io.tonewall.session.domain;

import java.util.Objects;

/**
 * What may be stored about a card: its scheme, first six and last four digits. Nothing else.
 *
 * @param scheme the card scheme
 * @param firstSix the BIN, six digits
 * @param lastFour the last four digits
 */
public record CardFacts(CardScheme scheme, String firstSix, String lastFour) {

  public CardFacts {
    Objects.requireNonNull(scheme, "scheme");
    if (firstSix == null || !firstSix.matches("[0-9]{6}")) {
      throw new InvalidSessionInputException("first six must be six digits");
    }
    if (lastFour == null || !lastFour.matches("[0-9]{4}")) {
      throw new InvalidSessionInputException("last four must be four digits");
    }
  }

  /** Masked form, e.g. {@code VISA 424242******4242}. */
  @Override
  public String toString() {
    return scheme + " " + firstSix + "******" + lastFour;
  }
}
