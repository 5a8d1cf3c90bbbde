package io.tonewall.session.webhook;

import jakarta.ejb.ApplicationException;

/** A webhook URL that is not an absolute http or https URL with a host. */
@ApplicationException(rollback = true)
public final class InvalidWebhookUrlException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidWebhookUrlException(String message) {
    super(message);
  }
}
