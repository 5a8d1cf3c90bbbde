/**
 * Calls as the payment side sees them: the registry of live calls (found by SIP Call-ID or a
 * reference header), pairing codes, secure mode per call, card-field capture with validation, and
 * the events reported for each. Plain Java; the JCA classes in {@code spi} delegate here.
 */
package io.tonewall.telephony.call;
