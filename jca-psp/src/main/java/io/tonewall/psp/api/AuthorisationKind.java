package io.tonewall.psp.api;

/** What an authorisation is for. */
public enum AuthorisationKind {
  /**
   * Authorise and capture. Inside a transaction, and where the configuration asks for capture on
   * commit (the default), the authorisation is made now and captured after commit.
   */
  SALE,
  /** Authorise only; capture later with {@link PspConnection#capture(CaptureRequest)}. */
  PRE_AUTHORISATION
}
