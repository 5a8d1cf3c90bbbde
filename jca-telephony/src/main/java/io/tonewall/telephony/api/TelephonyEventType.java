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
  CALL_ENDED
}
