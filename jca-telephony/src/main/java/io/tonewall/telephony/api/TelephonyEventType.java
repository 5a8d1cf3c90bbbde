package io.tonewall.telephony.api;

/** What happened on a call, as reported to the {@link TelephonyEventListener}. */
public enum TelephonyEventType {
  /** The agent dialled a session's pairing code on the call: call and session are linked. */
  PAIRED,
  /** Masking is on: the agent can no longer hear or see keypad digits (console green). */
  SECURE,
  /** Secure mode ended by hold, transfer, hang-up or lost media (console grey); see the reason. */
  BROKEN,
  /** The caller keyed a digit of the requested field; carries the count, never the digit. */
  DIGIT_ENTERED,
  /** The caller pressed {@code *}: the field is empty again. */
  FIELD_CLEARED,
  /** The field is complete; valid or not, with brand and last four for a card number. */
  FIELD_COMPLETE,
  /** The field's time ran out before enough digits were keyed. */
  FIELD_TIMED_OUT,
  /** The call ended; every captured digit of it is wiped. */
  CALL_ENDED,
  /**
   * The leak sentinel found a frame sent to the agent during a secure window that looked like DTMF;
   * carries the window's {@link TelephonyEvent#suspiciousFrames()} and {@link
   * TelephonyEvent#framesExamined()} so far, never a digit (nor which key was suspected).
   */
  LEAK_SUSPECTED,
  /**
   * A secure window ended (release, hold, transfer, hang-up, lost media, call end): the sentinel's
   * verdict for it, {@link TelephonyEvent#suspiciousFrames()} of {@link
   * TelephonyEvent#framesExamined()} frames sent to the agent. It may arrive after {@code BROKEN}
   * and {@code CALL_ENDED}: it comes once the last masked packet has left.
   */
  SECURE_WINDOW_CLOSED,
  /**
   * IVR calls: Tonewall's REFER transferring the caller back ended; carries the {@link
   * TelephonyEvent#transferOutcome()} and, where there is one, the {@link
   * TelephonyEvent#sipStatus()} that decided it. Once per REFER, before {@code CALL_ENDED}.
   */
  TRANSFER_ENDED
}
