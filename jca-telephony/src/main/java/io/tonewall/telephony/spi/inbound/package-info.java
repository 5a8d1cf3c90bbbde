/**
 * Inbound JCA contract of the telephony adapter: the activation spec of message-driven beans that
 * implement {@link io.tonewall.telephony.api.TelephonyEventListener}, and the delivery of call
 * events to them as Work on the adapter's WorkManager.
 */
package io.tonewall.telephony.spi.inbound;
