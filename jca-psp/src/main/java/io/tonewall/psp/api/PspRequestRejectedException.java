package io.tonewall.psp.api;

import jakarta.resource.ResourceException;

/** A request the adapter refused before sending anything to a provider. */
public abstract class PspRequestRejectedException extends ResourceException {
  private static final long serialVersionUID = 1L;

  protected PspRequestRejectedException(String message) {
    super(message);
  }
}
