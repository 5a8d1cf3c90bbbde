package io.tonewall.session.domain;

import java.util.UUID;

/** More additional payments on the same card than a session allows. */
public final class AdditionalPaymentLimitException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public AdditionalPaymentLimitException(UUID id, int limit) {
    super("payment session " + id + " already made " + limit + " additional payments on this card");
  }
}
