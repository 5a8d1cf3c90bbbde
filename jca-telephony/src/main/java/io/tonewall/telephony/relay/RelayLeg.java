package io.tonewall.telephony.relay;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One side of a call on the relay: Tonewall's RTP and RTCP sockets towards one party and where that
 * party's media is. Symmetric RTP: the address from SDP is used until the first well-formed packet
 * arrives; from then on packets go back to the address they come from (NAT-friendly).
 *
 * <p><b>Latching connects the socket.</b> When a socket latches its party's address, it is
 * connected to it ({@link DatagramChannel#connect}): from then on the relay reads and writes it
 * with {@code read}/{@code write} — the kernel skips the route lookup of every send and the relay
 * skips building and checking a socket address per packet — and the kernel drops datagrams from any
 * other source. Before, a later change of source was already never latched (a stray sender cannot
 * hijack where the stream goes); now such a sender's packets are not forwarded either, so nobody
 * but the latched party can inject audio into the call. The cost is NAT rebinding in mid-call (the
 * party's public port changes): that party's media is lost both ways — before, only the way back to
 * it was lost. Until a socket latches it stays unconnected and takes packets from anyone, so the
 * first packet may come from another address than SDP named (NAT). Connecting discards datagrams
 * already queued on the socket (the JDK flushes the queue); it happens right after the first packet
 * is read, when at most a packet or two of the latched party can be waiting, once per socket.
 *
 * <p>Used by the session's relay thread only, except {@link #expect}, which may be called from any
 * thread.
 */
final class RelayLeg {

  private static final Logger LOG = Logger.getLogger(RelayLeg.class.getName());

  private final LegSide side;
  private final DatagramChannel rtp;
  private final DatagramChannel rtcp;
  private final int port;
  private volatile InetSocketAddress rtpPeer;
  private volatile InetSocketAddress rtcpPeer;
  private boolean rtpLatched;
  private boolean rtcpLatched;
  private boolean rtpConnected;
  private boolean rtcpConnected;

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
      rtpPeer = new InetSocketAddress(address, rtpPort);
    }
    if (!rtcpLatched) {
      rtcpPeer = new InetSocketAddress(address, rtpPort + 1);
    }
  }

  /**
   * Reads one datagram into {@code into} (from its position).
   *
   * @return where it came from; null when nothing was read (no datagram queued, or an ICMP error
   *     from the connected party was reported instead — the party's port is closed for now)
   */
  SocketAddress receive(ByteBuffer into, boolean fromRtcp) throws IOException {
    DatagramChannel channel = fromRtcp ? rtcp : rtp;
    if (!(fromRtcp ? rtcpConnected : rtpConnected)) {
      return channel.receive(into);
    }
    try {
      return channel.read(into) > 0 ? (fromRtcp ? rtcpPeer : rtpPeer) : null;
    } catch (PortUnreachableException e) {
      return null;
    }
  }

  /**
   * Latches the party's address on the first well-formed packet from it and connects the socket to
   * it; later sources are ignored (a connected socket no longer receives them).
   */
  void learn(SocketAddress source, boolean fromRtcp) {
    if (fromRtcp ? rtcpLatched : rtpLatched) {
      return;
    }
    if (!(source instanceof InetSocketAddress address)) {
      return;
    }
    synchronized (this) {
      if (fromRtcp) {
        rtcpPeer = address;
        rtcpLatched = true;
      } else {
        rtpPeer = address;
        rtpLatched = true;
      }
    }
    DatagramChannel channel = fromRtcp ? rtcp : rtp;
    try {
      channel.connect(address);
      if (fromRtcp) {
        rtcpConnected = true;
      } else {
        rtpConnected = true;
      }
    } catch (IOException e) {
      LOG.log(
          Level.FINE,
          "could not connect an RTP socket to its latched party; it stays unconnected",
          e);
    }
  }

  /**
   * Sends the bytes between position and limit to the party, when its address is known.
   *
   * @return true when sent; false when the address is not known yet, or the connected party's port
   *     was reported closed (ICMP) — the packet is then dropped
   */
  boolean send(ByteBuffer packet, boolean toRtcp) throws IOException {
    if (toRtcp ? rtcpConnected : rtpConnected) {
      try {
        (toRtcp ? rtcp : rtp).write(packet);
        return true;
      } catch (PortUnreachableException e) {
        return false;
      }
    }
    InetSocketAddress peer = toRtcp ? rtcpPeer : rtpPeer;
    if (peer == null) {
      return false;
    }
    (toRtcp ? rtcp : rtp).send(packet, peer);
    return true;
  }

  /** Where the party's RTP (or RTCP) goes now: from SDP, or latched; null when not known. */
  InetSocketAddress peer(boolean rtcpSocket) {
    return rtcpSocket ? rtcpPeer : rtpPeer;
  }

  /** Whether the socket has latched its party and is connected to it. Relay thread. */
  boolean connected(boolean rtcpSocket) {
    return rtcpSocket ? rtcpConnected : rtpConnected;
  }

  void close() throws IOException {
    try {
      rtp.close();
    } finally {
      rtcp.close();
    }
  }
}
