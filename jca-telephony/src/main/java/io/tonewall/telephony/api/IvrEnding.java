package io.tonewall.telephony.api;

/**
 * How {@link TelephonyConnection#endIvrCall} ends an IVR call once its queued prompts have played.
 */
public enum IvrEnding {
  /** "Goodbye", then BYE. */
  HANG_UP,
  /**
   * "Please hold while we transfer you back", then REFER to the caller with Refer-To = setting
   * {@code ivrReturnUri} (default {@code agentUri}); BYE once the transfer is reported (NOTIFY) or
   * the REFER fails. Without a return URI: as {@link #HANG_UP}.
   */
  TRANSFER_BACK
}
