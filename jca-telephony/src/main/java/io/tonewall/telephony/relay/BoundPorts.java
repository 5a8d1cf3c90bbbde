package io.tonewall.telephony.relay;

import java.nio.channels.DatagramChannel;

/**
 * One RTP/RTCP port pair of the relay's range, bound for media Tonewall terminates itself (the
 * IVR): non-blocking channels on the even RTP port and the RTCP port above. Give it back with
 * {@link RtpRelay#release(BoundPorts)}, which closes both and frees the pair.
 *
 * @param rtp the RTP channel
 * @param rtcp the RTCP channel
 * @param port the even RTP port
 */
public record BoundPorts(DatagramChannel rtp, DatagramChannel rtcp, int port) {}
