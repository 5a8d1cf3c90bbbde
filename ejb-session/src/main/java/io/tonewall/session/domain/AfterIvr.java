package io.tonewall.session.domain;

/** What happens to an IVR call once the IVR has announced the payment's outcome. */
public enum AfterIvr {
  /** Tonewall hangs up. */
  HANG_UP,
  /** The caller is transferred back (to the agent or the PBX's return destination). */
  TRANSFER_BACK
}
