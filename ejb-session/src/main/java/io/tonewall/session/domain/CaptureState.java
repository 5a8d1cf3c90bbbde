package io.tonewall.session.domain;

/** Where the capture of one card field stands. */
public enum CaptureState {
  /** Not asked for yet, or reset. */
  NOT_REQUESTED,
  /** Asked for: the caller is keying it (digit count grows). */
  REQUESTED,
  /** Terminated or at its digit limit, and valid. */
  COMPLETE,
  /** Terminated or at its limit, and invalid (Luhn, length, past expiry): reset or re-request. */
  INVALID
}
