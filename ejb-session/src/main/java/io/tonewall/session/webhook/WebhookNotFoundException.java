package io.tonewall.session.webhook;

import jakarta.ejb.ApplicationException;

/**
 * No webhook subscription or delivery has this id for the calling API client (another client's are
 * reported the same way).
 */
@ApplicationException(rollback = true)
public final class WebhookNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param what "webhook subscription" or "webhook delivery"
   * @param id the id asked for: not put in the message, since a caller may send anything as an id
   */
  public WebhookNotFoundException(String what, String id) {
    super("no " + what + " has this id for the calling client");
  }
}
