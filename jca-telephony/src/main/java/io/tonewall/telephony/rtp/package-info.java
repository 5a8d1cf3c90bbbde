/**
 * RTP (RFC 3550) on the relay path: a zero-copy packet view over a caller's buffer with in-place
 * setters, a writer for new packets, 16-bit sequence and 32-bit timestamp arithmetic across
 * wrap-around, the extended sequence number of RFC 3550 appendix A.1, RTCP recognition so the relay
 * can pass control packets through, and the rewriter that keeps the agent leg's numbering
 * continuous when packets are dropped or inserted. Nothing here imports {@code jakarta.*}, and
 * malformed input only ever escapes as {@link
 * io.tonewall.telephony.rtp.MalformedRtpPacketException}.
 */
package io.tonewall.telephony.rtp;
