package io.tonewall.session.domain;

import java.util.UUID;

/** An action that the session's current state does not allow, e.g. a refund of a session. */
public final class IllegalSessionTransitionException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public IllegalSessionTransitionException(UUID id, String action, SessionState state) {
    super("payment session " + id + " cannot " + action + " while " + describe(state));
  }

  private static String describe(SessionState state) {
    return switch (state) {
      case CREATED -> "the call is not secure yet";
      case SECURED -> "card fields are being captured";
      case READY -> "ready to process";
      case PROCESSING -> "a payment is being processed";
      case APPROVED -> "the last payment was approved";
      case DECLINED -> "the last payment was declined";
      case FAILED -> "the last payment failed";
      case UNKNOWN -> "the last payment's outcome is unknown";
      default -> "it has ended";
    };
  }
}
