/**
 * SIP signalling on JAIN-SIP: the stack's lifecycle, listening points on UDP and TCP, and the
 * handling of requests (OPTIONS answered here; calls handled by the back-to-back user agent).
 */
package io.tonewall.telephony.sip;
