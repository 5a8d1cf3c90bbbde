package io.tonewall.session.application;

import io.tonewall.session.domain.SessionMode;
import jakarta.ejb.ApplicationException;

/** No card capture serves the session's mode (answered with 503 by the API). */
@ApplicationException(rollback = true)
public final class CardCaptureUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CardCaptureUnavailableException(SessionMode mode) {
    super("no card capture is available for " + mode + " sessions on this node");
  }
}
