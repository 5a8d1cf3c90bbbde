package io.tonewall.session.domain;

/** The public status of a payment session, as integrators see it. */
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

  /** True once nothing more can happen in the session. */
  public boolean isFinal() {
    return this != INITIAL && this != IN_PROGRESS;
  }
}
