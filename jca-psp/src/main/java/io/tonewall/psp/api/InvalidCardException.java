package io.tonewall.psp.api;

/**
 * Card details rejected before anything is sent. Subclasses name the field; messages never contain
 * a digit of the card.
 */
public abstract class InvalidCardException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidCardException(String message) {
    super(message);
  }
}
