/**
 * Outbound JCA contract of the telephony adapter: the managed connection factory, the managed
 * connection and the package-private handles that applications receive as {@code
 * TelephonyConnection}.
 */
package io.tonewall.telephony.spi.outbound;
