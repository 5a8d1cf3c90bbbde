package io.tonewall.session.domain;

/** An amount or currency that Tonewall cannot accept. */
public final class InvalidMoneyException extends InvalidSessionInputException {

  private static final long serialVersionUID = 1L;

  public InvalidMoneyException(String message) {
    super(message);
  }
}
