package io.tonewall.session.domain;

import java.util.UUID;

/** Processing was asked for before the caller accepted the surcharge the configuration adds. */
public final class SurchargeNotAcceptedException extends SessionStateException {

  private static final long serialVersionUID = 1L;

  public SurchargeNotAcceptedException(UUID id, Money surcharge) {
    super(
        "payment session "
            + id
            + " adds a surcharge of "
            + surcharge
            + "; it must be accepted before processing");
  }
}
