/**
 * Assembly of one running telephony node (call registry, RTP relay, B2BUA on a SIP endpoint) from
 * validated settings, in plain Java, so that the resource adapter and the end-to-end tests start
 * the same thing.
 */
package io.tonewall.telephony.node;
