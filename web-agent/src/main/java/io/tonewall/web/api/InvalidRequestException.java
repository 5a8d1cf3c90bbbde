package io.tonewall.web.api;

/** A request the API cannot accept as sent; answered with 400 and a problem detail. */
public final class InvalidRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
