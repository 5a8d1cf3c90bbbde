/**
 * What applications see of the telephony adapter: the connection factory and connection used to
 * find calls, pair them with payment sessions and capture card fields securely, and the message
 * listener through which the adapter reports call events. Nothing here ever carries a card digit
 * except the non-serialisable card object handed over at processing time.
 */
package io.tonewall.telephony.api;
