package io.tonewall.web.api.security;

/** An access token refused: why, never the token itself. */
public class InvalidTokenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  InvalidTokenException(String reason) {
    super(reason);
  }
}
