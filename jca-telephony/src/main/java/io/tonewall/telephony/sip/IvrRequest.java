package io.tonewall.telephony.sip;

/**
 * Marks a request Tonewall sent on an IVR call (REFER or BYE), as client-transaction application
 * data, so that its response and timeout reach the {@link IvrUas}.
 *
 * @param leg the call
 * @param method {@code REFER} or {@code BYE}
 */
record IvrRequest(IvrLeg leg, String method) {}
