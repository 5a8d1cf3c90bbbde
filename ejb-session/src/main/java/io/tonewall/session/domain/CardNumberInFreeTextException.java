package io.tonewall.session.domain;

/** A free-text field held what looks like a card number; it was refused, not stored. */
public final class CardNumberInFreeTextException extends InvalidSessionInputException {

  private static final long serialVersionUID = 1L;

  public CardNumberInFreeTextException(String field) {
    super(
        field
            + " looks like it holds a card number; card numbers are keyed by the caller, never"
            + " typed into other fields");
  }
}
