package io.tonewall.telephony.api;

/**
 * How the transfer of an IVR caller back to the agent (Tonewall's REFER) ended, as reported by
 * {@link TelephonyEventType#TRANSFER_ENDED}.
 */
public enum TransferOutcome {
  /** The caller accepted the REFER and reported the transfer done (NOTIFY, sipfrag 2xx). */
  ACCEPTED,
  /**
   * The caller accepted the REFER but the transfer failed (NOTIFY, sipfrag with a final non-2xx
   * status), or the REFER could not be sent at all (no status then).
   */
  FAILED,
  /** The caller refused the REFER (a final non-2xx response to it, for example 603). */
  DECLINED,
  /**
   * No final outcome was reported: the REFER got no response, no NOTIFY with a final status came
   * within the wait, the subscription ended without one, or the call ended first.
   */
  NO_ANSWER
}
