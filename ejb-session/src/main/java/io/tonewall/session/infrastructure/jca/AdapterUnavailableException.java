package io.tonewall.session.infrastructure.jca;

/** A resource adapter could not be reached or refused a call. */
public final class AdapterUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AdapterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
