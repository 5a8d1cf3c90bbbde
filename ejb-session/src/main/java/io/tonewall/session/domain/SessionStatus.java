package io.tonewall.session.domain;

/**
 * The public status of a payment session, as integrators see it. Derived from the internal {@link
 * SessionState} by {@link PaymentSession#status()}: {@code Initial} (created, not secure yet),
 * {@code InProgress} (capturing, processing, split or unknown outcome pending), {@code Finished}
 * (the amount is paid, or the session ended after an approval), {@code Error} (the last payment was
 * declined or failed; a retry may follow), {@code TimeOut}, {@code ExpiredOnProviderSide} (a
 * pay-by-link session whose link expired) and {@code Cancelled}.
 */
public enum SessionStatus {
  INITIAL("Initial"),
  IN_PROGRESS("InProgress"),
  FINISHED("Finished"),
  ERROR("Error"),
  TIME_OUT("TimeOut"),
  EXPIRED_ON_PROVIDER_SIDE("ExpiredOnProviderSide"),
  CANCELLED("Cancelled");

  private final String publicName;

  SessionStatus(String publicName) {
    this.publicName = publicName;
  }

  /** The name used on the API, for example {@code InProgress}. */
  public String publicName() {
    return publicName;
  }

  /**
   * The status with this public name.
   *
   * @throws InvalidSessionInputException when no status has it
   */
  public static SessionStatus fromPublicName(String name) {
    for (SessionStatus status : values()) {
      if (status.publicName.equals(name)) {
        return status;
      }
    }
    throw new InvalidSessionInputException(
        "status must be one of Initial, InProgress, Finished,"
            + " Error, TimeOut, ExpiredOnProviderSide, Cancelled");
  }
}
