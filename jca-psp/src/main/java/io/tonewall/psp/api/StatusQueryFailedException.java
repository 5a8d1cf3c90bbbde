package io.tonewall.psp.api;

import jakarta.resource.ResourceException;

/** A status query could not be answered (provider unreachable, time-out, unreadable answer). */
public final class StatusQueryFailedException extends ResourceException {
  private static final long serialVersionUID = 1L;

  public StatusQueryFailedException(String message) {
    super(message);
  }
}
