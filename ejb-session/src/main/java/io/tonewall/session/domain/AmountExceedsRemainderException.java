package io.tonewall.session.domain;

/** A part payment larger than what remains to be paid, or a refund larger than what is left. */
public final class AmountExceedsRemainderException extends InvalidSessionInputException {

  private static final long serialVersionUID = 1L;

  public AmountExceedsRemainderException(Money asked, Money remaining) {
    super("amount " + asked + " exceeds the " + remaining + " that remains");
  }
}
