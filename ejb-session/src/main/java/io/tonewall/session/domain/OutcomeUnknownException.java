package io.tonewall.session.domain;

import java.util.UUID;

/**
 * The last payment's outcome is unknown (the PSP gave no answer): it must not be resubmitted until
 * it is reconciled, or the card could be charged twice.
 */
public final class OutcomeUnknownException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(UUID id) {
    super(
        "payment session "
            + id
            + ": the last payment's outcome is unknown; do not resubmit until it is reconciled");
  }
}
