package io.tonewall.telephony.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Optional;

/**
 * One side of a call on the relay: Tonewall's RTP and RTCP sockets towards one party and where that
 * party's media is. Symmetric RTP: the address from SDP is used until the first packet arrives;
 * from then on packets go back to the address they come from (NAT-friendly, and a later change of
 * source is ignored so that a stray sender cannot hijack the stream). Used by the relay thread
 * only, except {@link #expect}, which is synchronized.
 */
final class RelayLeg {

  private final LegSide side;
  private final DatagramChannel rtp;
  private final DatagramChannel rtcp;
  private final int port;
  private Optional<InetSocketAddress> rtpPeer = Optional.empty();
  private Optional<InetSocketAddress> rtcpPeer = Optional.empty();
  private boolean rtpLatched;
  private boolean rtcpLatched;

  RelayLeg(LegSide side, DatagramChannel rtp, DatagramChannel rtcp, int port) {
    this.side = side;
    this.rtp = rtp;
    this.rtcp = rtcp;
    this.port = port;
  }

  LegSide side() {
    return side;
  }

  int port() {
    return port;
  }

  DatagramChannel rtp() {
    return rtp;
  }

  DatagramChannel rtcp() {
    return rtcp;
  }

  /** The party's media address from SDP; ignored once packets have shown the real one. */
  synchronized void expect(String address, int rtpPort) {
    if (rtpPort == 0) {
      return;
    }
    if (!rtpLatched) {
      rtpPeer = Optional.of(new InetSocketAddress(address, rtpPort));
    }
    if (!rtcpLatched) {
      rtcpPeer = Optional.of(new InetSocketAddress(address, rtpPort + 1));
    }
  }

  /** Latches the party's address on the first packet from it. */
  synchronized void learn(SocketAddress source, boolean fromRtcp) {
    if (!(source instanceof InetSocketAddress address)) {
      return;
    }
    if (fromRtcp && !rtcpLatched) {
      rtcpPeer = Optional.of(address);
      rtcpLatched = true;
    } else if (!fromRtcp && !rtpLatched) {
      rtpPeer = Optional.of(address);
      rtpLatched = true;
    }
  }

  /**
   * Sends the bytes between position and limit to the party, when its address is known.
   *
   * @return true when sent
   */
  boolean send(ByteBuffer packet, boolean toRtcp) throws IOException {
    Optional<InetSocketAddress> peer;
    synchronized (this) {
      peer = toRtcp ? rtcpPeer : rtpPeer;
    }
    if (peer.isEmpty()) {
      return false;
    }
    (toRtcp ? rtcp : rtp).send(packet, peer.get());
    return true;
  }

  void close() throws IOException {
    try {
      rtp.close();
    } finally {
      rtcp.close();
    }
  }
}
