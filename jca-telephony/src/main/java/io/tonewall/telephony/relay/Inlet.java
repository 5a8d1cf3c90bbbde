package io.tonewall.telephony.relay;

/**
 * One socket of a media session as its relay loop sees it: whose it is, which leg, RTP or RTCP.
 *
 * @param session the media session the socket belongs to
 * @param leg the leg (caller or agent side) the socket belongs to
 * @param rtcp whether it is the leg's RTCP socket
 */
record Inlet(MediaSession session, RelayLeg leg, boolean rtcp) {}
