package io.tonewall.session.infrastructure.keys;

/** The token signing key could neither be read nor created; the cause says why. */
public final class SigningKeyUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SigningKeyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
