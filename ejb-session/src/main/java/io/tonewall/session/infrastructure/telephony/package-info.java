/**
 * Inbound side of the telephony adapter: the message-driven bean that receives call events through
 * JCA message inflow and applies each to its payment session through the application layer, and the
 * translation of field events into the session's counts-only progress reports.
 */
package io.tonewall.session.infrastructure.telephony;
