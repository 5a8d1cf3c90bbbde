/**
 * SIP signalling on JAIN-SIP: the stack's lifecycle with listening points on UDP and TCP, the
 * back-to-back user agent that turns the caller's INVITE into a second call to the agent and
 * carries requests and responses across both legs, and the SDP offer/answer rewriting (RFC 3264)
 * that puts Tonewall's relay into the media path with only PCMU, PCMA and telephone-event.
 */
package io.tonewall.telephony.sip;
