/**
 * The telephony resource adapter itself: its lifecycle ({@code start}/{@code stop} start and stop
 * the SIP stack and the media relay) and its validated configuration properties.
 */
package io.tonewall.telephony.spi;
